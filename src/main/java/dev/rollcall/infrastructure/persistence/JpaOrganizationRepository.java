package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.organization.Organization;
import dev.rollcall.domain.organization.OrganizationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class JpaOrganizationRepository implements OrganizationRepository {
  private final EntityManager em;

  @Inject
  public JpaOrganizationRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaOrganizationRepository() {
    this.em = null;
  }

  @Override
  public void add(Organization organization) {
    em.persist(organization);
  }

  @Override
  public Optional<Organization> find(String id) {
    return Optional.ofNullable(em.find(Organization.class, id));
  }

  @Override
  public void lock(String id) {
    em.find(Organization.class, id, LockModeType.PESSIMISTIC_WRITE);
  }
}
