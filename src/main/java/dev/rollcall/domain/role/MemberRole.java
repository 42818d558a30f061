package dev.rollcall.domain.role;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One role granted directly to one member: a row per (member, role), never a loaded collection. */
@Entity
@Table(name = "member_roles")
@NamedQuery(
    name = MemberRole.COUNT_ACTIVE_HOLDERS,
    query =
        "SELECT COUNT(DISTINCT m.id) FROM MemberRole g, Member m WHERE m.id = g.memberId AND g.roleId IN :roles AND m.active = TRUE")
@NamedQuery(
    name = MemberRole.MEMBERS_OF_ROLES,
    query =
        "SELECT g.roleId, m.id, m.userName, m.displayName FROM MemberRole g, Member m"
            + " WHERE m.id = g.memberId AND g.roleId IN :roles ORDER BY g.roleId, m.userNameKey")
@NamedQuery(
    name = MemberRole.SCIM_ROLES_OF_MEMBERS,
    query =
        "SELECT g.memberId, r.id, r.name, r.builtin FROM MemberRole g, Role r WHERE r.id = g.roleId"
            + " AND ((r.builtin = FALSE AND r.managedBy IS NOT NULL)"
            + " OR (r.builtin = TRUE AND r.name = :orgadmin))"
            + " AND g.memberId IN :members ORDER BY r.name")
@NamedQuery(
    name = MemberRole.HOLDERS_AMONG,
    query = "SELECT g.memberId FROM MemberRole g WHERE g.roleId = :role AND g.memberId IN :members")
@NamedQuery(
    name = MemberRole.DELETE_MEMBERS,
    query = "DELETE FROM MemberRole g WHERE g.roleId = :role AND g.memberId IN :members")
@IdClass(MemberRole.Key.class)
@NamedQuery(
    name = MemberRole.DELETE,
    query = "DELETE FROM MemberRole g WHERE g.memberId = :member AND g.roleId = :role")
@NamedQuery(
    name = MemberRole.ROLE_IDS_OF_MEMBER,
    query = "SELECT g.roleId FROM MemberRole g WHERE g.memberId = :member")
@NamedQuery(
    name = MemberRole.ROLE_NAMES_BY_MEMBER,
    query =
        "SELECT g.memberId, r.name FROM MemberRole g, Role r WHERE r.id = g.roleId ORDER BY r.name")
@NamedQuery(
    name = MemberRole.ROLE_NAMES_OF_MEMBERS,
    query =
        "SELECT g.memberId, r.name FROM MemberRole g, Role r WHERE r.id = g.roleId"
            + " AND g.memberId IN :members ORDER BY r.name")
@NamedQuery(
    name = MemberRole.DELETE_OF_MEMBER,
    query = "DELETE FROM MemberRole g WHERE g.memberId = :member")
@NamedQuery(
    name = MemberRole.DELETE_OF_ROLE,
    query = "DELETE FROM MemberRole g WHERE g.roleId = :role")
public class MemberRole extends TenantOwned {
  public static final String DELETE = "MemberRole.delete";
  public static final String MEMBERS_OF_ROLES = "MemberRole.membersOfRoles";
  public static final String SCIM_ROLES_OF_MEMBERS = "MemberRole.scimRolesOfMembers";
  public static final String HOLDERS_AMONG = "MemberRole.holdersAmong";
  public static final String DELETE_MEMBERS = "MemberRole.deleteMembers";
  public static final String COUNT_ACTIVE_HOLDERS = "MemberRole.countActiveHolders";
  public static final String ROLE_IDS_OF_MEMBER = "MemberRole.roleIdsOfMember";
  public static final String ROLE_NAMES_BY_MEMBER = "MemberRole.roleNamesByMember";
  public static final String ROLE_NAMES_OF_MEMBERS = "MemberRole.roleNamesOfMembers";
  public static final String DELETE_OF_MEMBER = "MemberRole.deleteOfMember";
  public static final String DELETE_OF_ROLE = "MemberRole.deleteOfRole";

  @Id
  @Column(name = "member_id", length = 36)
  private String memberId;

  @Id
  @Column(name = "role_id", length = 36)
  private String roleId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected MemberRole() {}

  public MemberRole(String memberId, String roleId, Instant createdAt) {
    this.memberId = Objects.requireNonNull(memberId);
    this.roleId = Objects.requireNonNull(roleId);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public String memberId() {
    return memberId;
  }

  public String roleId() {
    return roleId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Primary key class (a plain class: the JPA provider instantiates and fills it). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String memberId;
    private String roleId;

    public Key() {}

    public Key(String memberId, String roleId) {
      this.memberId = memberId;
      this.roleId = roleId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(memberId, k.memberId)
          && java.util.Objects.equals(roleId, k.roleId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(memberId, roleId);
    }
  }
}
