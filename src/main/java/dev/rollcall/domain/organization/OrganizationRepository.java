package dev.rollcall.domain.organization;

import java.util.Optional;

public interface OrganizationRepository {
  void add(Organization organization);

  Optional<Organization> find(String id);
}
