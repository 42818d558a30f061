package dev.rollcall.domain.integration;

import java.util.List;
import java.util.Optional;

public interface SecurityIntegrationRepository {
  void add(SecurityIntegration integration);

  Optional<SecurityIntegration> find(String id);

  Optional<SecurityIntegration> findByName(String name);

  /**
   * What every SCIM request needs, in one query: the integration with that token hash, whether its
   * run-as role itself (not through a role it inherits) holds the privilege, and the extension
   * schemas the organization's integrations declare (in the integrations' name order).
   */
  TokenLookup authenticate(String tokenHash, dev.rollcall.domain.role.Privilege privilege);

  /** The outcome of {@link #authenticate}; {@code holdsPrivilege} is false when nothing matched. */
  record TokenLookup(
      Optional<SecurityIntegration> match,
      boolean holdsPrivilege,
      List<ExtensionDeclaration> extensions) {}

  List<SecurityIntegration> list();

  /**
   * Records that the integration's token was used at {@code now}, unless that was already recorded
   * after {@code notBefore}; leaves the row's version alone.
   */
  void recordTokenUse(String id, java.time.Instant now, java.time.Instant notBefore);

  List<SecurityIntegration> listByRunAsRole(String roleId);

  /** Removes the integration; members and roles it managed become unmanaged (and adoptable). */
  void remove(SecurityIntegration integration);

  /** Writes pending changes now, so a unique key violated by a concurrent writer surfaces here. */
  void flush();
}
