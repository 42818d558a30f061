package dev.rollcall.domain.role;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface RoleRepository {
  void add(Role role);

  Optional<Role> find(String id);

  Optional<Role> findByName(String name);

  /** A role, and whether any role or privilege is granted to it. */
  record WithGrants(Role role, boolean granted) {}

  /** The role with whether it is granted anything, in one query. */
  Optional<WithGrants> findWithGrants(String id);

  List<Role> list();

  List<Role> listByIds(Collection<String> ids);

  /** Gives every role owned by {@code oldOwnerId} to {@code newOwnerId}. */
  void reassignOwnership(String oldOwnerId, String newOwnerId);

  void remove(Role role);

  /**
   * Records a change of the role's membership: a new version and update time, written as one UPDATE
   * so concurrent membership changes queue on the row instead of failing. Afterwards {@code role}
   * holds the version and update time written; it may no longer be managed, so change nothing else
   * on it. With an expected version, a role moved on since is refused.
   */
  void touch(Role role, java.time.Instant now, dev.rollcall.domain.ExpectedVersion expected);

  /** Writes pending changes now, so constraint violations surface inside the caller. */
  void flush();
}
