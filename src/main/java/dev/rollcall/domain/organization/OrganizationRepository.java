package dev.rollcall.domain.organization;

import java.util.Optional;

public interface OrganizationRepository {
  void add(Organization organization);

  Optional<Organization> find(String id);

  /**
   * Locks the organization's row until the transaction ends: changes that must see each other's
   * outcome (the last orgadmin's) take this lock first and so run one after the other.
   */
  void lock(String id);
}
