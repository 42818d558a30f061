package dev.rollcall.domain.integration;

import java.util.List;
import java.util.Optional;

public interface SecurityIntegrationRepository {
  void add(SecurityIntegration integration);

  Optional<SecurityIntegration> find(String id);

  Optional<SecurityIntegration> findByName(String name);

  Optional<SecurityIntegration> findByTokenHash(String tokenHash);

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
