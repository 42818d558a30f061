package dev.rollcall.domain.role;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An organization privilege granted to a role, optionally with the right to grant it on. */
@Entity
@Table(name = "role_privileges")
@IdClass(RolePrivilege.Key.class)
@NamedQuery(
    name = RolePrivilege.DELETE,
    query = "DELETE FROM RolePrivilege p WHERE p.roleId = :role AND p.privilege = :privilege")
@NamedQuery(
    name = RolePrivilege.OF_ROLES,
    query = "SELECT p FROM RolePrivilege p WHERE p.roleId IN :roles ORDER BY p.privilege")
@NamedQuery(
    name = RolePrivilege.DELETE_OF_ROLE,
    query = "DELETE FROM RolePrivilege p WHERE p.roleId = :role")
public class RolePrivilege extends TenantOwned {
  public static final String DELETE = "RolePrivilege.delete";
  public static final String OF_ROLES = "RolePrivilege.ofRoles";
  public static final String DELETE_OF_ROLE = "RolePrivilege.deleteOfRole";

  @Id
  @Column(name = "role_id", length = 36)
  private String roleId;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(length = 64)
  private Privilege privilege;

  @Column(name = "grant_option", nullable = false)
  private boolean grantOption;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RolePrivilege() {}

  public RolePrivilege(String roleId, Privilege privilege, boolean grantOption, Instant createdAt) {
    this.roleId = Objects.requireNonNull(roleId);
    this.privilege = Objects.requireNonNull(privilege);
    this.grantOption = grantOption;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Grant option only ever widens: granting again without it keeps an existing grant option. */
  public void widenGrantOption(boolean withGrantOption) {
    this.grantOption = this.grantOption || withGrantOption;
  }

  public String roleId() {
    return roleId;
  }

  public Privilege privilege() {
    return privilege;
  }

  public boolean grantOption() {
    return grantOption;
  }

  /** Primary key class (a plain class: the JPA provider instantiates and fills it). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String roleId;
    private Privilege privilege;

    public Key() {}

    public Key(String roleId, Privilege privilege) {
      this.roleId = roleId;
      this.privilege = privilege;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(roleId, k.roleId)
          && java.util.Objects.equals(privilege, k.privilege);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(roleId, privilege);
    }
  }
}
