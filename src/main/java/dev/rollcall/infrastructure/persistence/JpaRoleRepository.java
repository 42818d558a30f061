package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.ExpectedVersion;
import dev.rollcall.domain.PreconditionFailedException;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaRoleRepository implements RoleRepository {
  private final EntityManager em;

  @Inject
  public JpaRoleRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaRoleRepository() {
    this.em = null;
  }

  @Override
  public void add(Role role) {
    em.persist(role);
  }

  @Override
  public Optional<Role> find(String id) {
    return Optional.ofNullable(em.find(Role.class, id));
  }

  @Override
  public Optional<WithGrants> findWithGrants(String id) {
    return em.createNamedQuery(Role.FIND_WITH_GRANTS, Object[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(
            row ->
                new WithGrants(
                    (Role) row[0],
                    ((Number) row[1]).longValue() + ((Number) row[2]).longValue() > 0));
  }

  @Override
  public Optional<Role> findByName(String name) {
    return em.createNamedQuery(Role.FIND_BY_NAME, Role.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Role> list() {
    return em.createNamedQuery(Role.LIST, Role.class).getResultList();
  }

  @Override
  public List<Role> listByIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Role.LIST_BY_IDS, Role.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public void reassignOwnership(String oldOwnerId, String newOwnerId) {
    em.createNamedQuery(Role.REASSIGN_OWNER)
        .setParameter("oldOwner", oldOwnerId)
        .setParameter("newOwner", newOwnerId)
        .executeUpdate();
  }

  @Override
  public void remove(Role role) {
    em.remove(role);
  }

  @Override
  public void touch(Role role, Instant now, ExpectedVersion expected) {
    em.flush();
    // Usually no one changed the role since it was read: the UPDATE on the version read both moves
    // it and says what it became, with no read-back. The role leaves the persistence context
    // first, so that what it is told is never written back.
    long read = role.version();
    long wanted = expected.version().orElse(read);
    if (wanted == read && touchAt(role.id(), now, read)) {
      em.detach(role);
      role.touched(read + 1, now);
      return;
    }
    if (expected.version().isPresent()) {
      throw new PreconditionFailedException(
          "Group " + role.id() + " has changed since version " + wanted);
    }
    // another change landed since the read, and none was asked for: queue behind it
    em.createNamedQuery(Role.TOUCH_ANY)
        .setParameter("id", role.id())
        .setParameter("now", now)
        .executeUpdate();
    em.refresh(role);
  }

  private boolean touchAt(String id, Instant now, long version) {
    return em.createNamedQuery(Role.TOUCH)
            .setParameter("id", id)
            .setParameter("now", now)
            .setParameter("version", version)
            .executeUpdate()
        == 1;
  }

  @Override
  public void flush() {
    em.flush();
  }
}
