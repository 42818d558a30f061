package dev.rollcall.domain.role;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A built-in or custom role. Every role but {@code orgadmin} has an owner role. */
@Entity
@Table(name = "roles")
@NamedQuery(name = Role.FIND_BY_NAME, query = "SELECT r FROM Role r WHERE r.name = :name")
@NamedQuery(name = Role.LIST, query = "SELECT r FROM Role r ORDER BY r.name")
@NamedQuery(
    name = Role.FIND_WITH_GRANTS,
    query =
        "SELECT r, (SELECT COUNT(g) FROM RoleGrant g WHERE g.granteeRoleId = r.id),"
            + " (SELECT COUNT(p) FROM RolePrivilege p WHERE p.roleId = r.id)"
            + " FROM Role r WHERE r.id = :id")
@NamedQuery(name = Role.LIST_BY_IDS, query = "SELECT r FROM Role r WHERE r.id IN :ids")
@NamedQuery(
    name = Role.TOUCH,
    query =
        "UPDATE Role r SET r.version = r.version + 1, r.updatedAt = :now"
            + " WHERE r.id = :id AND r.version = :version")
@NamedQuery(
    name = Role.TOUCH_ANY,
    query = "UPDATE Role r SET r.version = r.version + 1, r.updatedAt = :now WHERE r.id = :id")
@NamedQuery(
    name = Role.REASSIGN_OWNER,
    query = "UPDATE Role r SET r.ownerRoleId = :newOwner WHERE r.ownerRoleId = :oldOwner")
@NamedQuery(
    name = Role.RELEASE_FROM_INTEGRATION,
    query = "UPDATE Role r SET r.managedBy = NULL WHERE r.managedBy = :integration")
public class Role extends TenantOwned {
  public static final String RELEASE_FROM_INTEGRATION = "Role.releaseFromIntegration";
  public static final String FIND_BY_NAME = "Role.findByName";
  public static final String LIST = "Role.list";
  public static final String FIND_WITH_GRANTS = "Role.findWithGrants";
  public static final String LIST_BY_IDS = "Role.listByIds";
  public static final String REASSIGN_OWNER = "Role.reassignOwner";
  public static final String TOUCH = "Role.touch";
  public static final String TOUCH_ANY = "Role.touchAny";

  /** The unique key on (org_id, name): the one a new or renamed role may collide on. */
  public static final String NAME_CONSTRAINT = "uk_roles_name";

  // column lengths (db/changelog), checked before a write
  public static final int NAME_LENGTH = 255;
  public static final int EXTERNAL_ID_LENGTH = 255;

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = NAME_LENGTH)
  private String name;

  @Column(name = "name_key", nullable = false, length = NAME_LENGTH)
  private String nameKey;

  @Column(name = "external_id", length = EXTERNAL_ID_LENGTH)
  private String externalId;

  @Column(nullable = false)
  private boolean builtin;

  @Column(name = "owner_role_id", length = 36)
  private String ownerRoleId;

  @Column(name = "managed_by", length = 36)
  private String managedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Role() {}

  private Role(String id, String name, boolean builtin, String ownerRoleId, Instant now) {
    this.id = Objects.requireNonNull(id);
    this.name = Objects.requireNonNull(name);
    this.nameKey = name.toLowerCase(java.util.Locale.ROOT);
    this.builtin = builtin;
    this.ownerRoleId = ownerRoleId;
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  public static Role builtIn(String id, BuiltInRole role, String ownerRoleId, Instant now) {
    return new Role(id, role.roleName(), true, ownerRoleId, now);
  }

  public static Role custom(String id, String name, String ownerRoleId, Instant now) {
    if (BuiltInRole.isReserved(name)) {
      throw new IllegalArgumentException("reserved role name " + name);
    }
    return new Role(id, name, false, Objects.requireNonNull(ownerRoleId), now);
  }

  public void rename(String newName, Instant now) {
    if (builtin) {
      throw new IllegalStateException("built-in roles keep their names");
    }
    this.name = Objects.requireNonNull(newName);
    this.nameKey = newName.toLowerCase(java.util.Locale.ROOT);
    this.updatedAt = now;
  }

  public void manageBy(String integrationId, Instant now) {
    if (java.util.Objects.equals(this.managedBy, integrationId)) {
      return;
    }
    this.managedBy = integrationId;
    this.updatedAt = now;
  }

  public void changeExternalId(String externalId, Instant now) {
    if (java.util.Objects.equals(this.externalId, externalId)) {
      return;
    }
    this.externalId = externalId;
    this.updatedAt = now;
  }

  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public boolean builtin() {
    return builtin;
  }

  public Optional<String> ownerRoleId() {
    return Optional.ofNullable(ownerRoleId);
  }

  public Optional<String> managedBy() {
    return Optional.ofNullable(managedBy);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * The role's row was moved to {@code version} at {@code at} by a statement of its own (a
   * membership change, {@link RoleRepository#touch}): this object now says so too.
   */
  public void touched(long version, Instant at) {
    this.version = version;
    this.updatedAt = at;
  }

  public long version() {
    return version;
  }
}
