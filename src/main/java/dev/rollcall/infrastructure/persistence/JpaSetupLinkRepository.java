package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.organization.SetupLink;
import dev.rollcall.domain.organization.SetupLinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class JpaSetupLinkRepository implements SetupLinkRepository {
  private final EntityManager em;

  @Inject
  public JpaSetupLinkRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaSetupLinkRepository() {
    this.em = null;
  }

  @Override
  public void add(SetupLink link) {
    em.persist(link);
  }

  /** Locked for update: two redeemers of one link are served one after the other. */
  @Override
  public Optional<SetupLink> findByHash(String codeHash) {
    return em.createNamedQuery(SetupLink.FIND_BY_HASH, SetupLink.class)
        .setParameter("hash", codeHash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
