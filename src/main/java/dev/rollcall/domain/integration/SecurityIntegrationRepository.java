package dev.rollcall.domain.integration;

import java.util.List;
import java.util.Optional;

public interface SecurityIntegrationRepository {
  void add(SecurityIntegration integration);

  Optional<SecurityIntegration> find(String id);

  Optional<SecurityIntegration> findByName(String name);

  Optional<SecurityIntegration> findByTokenHash(String tokenHash);

  /**
   * The integration with that token hash, only if its run-as role itself (not through a role it
   * inherits) holds the privilege: one query for the common case of every SCIM request.
   */
  Optional<SecurityIntegration> findByTokenHashWithPrivilege(
      String tokenHash, dev.rollcall.domain.role.Privilege privilege);

  List<SecurityIntegration> list();

  /**
   * Records that the integration's token was used at {@code now}, unless that was already recorded
   * after {@code notBefore}; leaves the row's version alone.
   */
  void recordTokenUse(String id, java.time.Instant now, java.time.Instant notBefore);

  List<SecurityIntegration> listByRunAsRole(String roleId);

  /** Removes the integration; members and roles it managed become unmanaged (and adoptable). */
  void remove(SecurityIntegration integration);
}
