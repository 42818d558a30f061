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

/** Role {@code roleId} granted to role {@code granteeRoleId}: the grantee inherits it. */
@Entity
@Table(name = "role_grants")
@IdClass(RoleGrant.Key.class)
@NamedQuery(
    name = RoleGrant.DELETE,
    query = "DELETE FROM RoleGrant g WHERE g.granteeRoleId = :grantee AND g.roleId = :role")
@NamedQuery(
    name = RoleGrant.GRANTED_TO,
    query = "SELECT g.roleId FROM RoleGrant g WHERE g.granteeRoleId IN :grantees")
@NamedQuery(
    name = RoleGrant.GRANTEES_OF,
    query = "SELECT g.granteeRoleId FROM RoleGrant g WHERE g.roleId IN :roles")
@NamedQuery(
    name = RoleGrant.DELETE_OF_ROLE,
    query = "DELETE FROM RoleGrant g WHERE g.roleId = :role OR g.granteeRoleId = :role")
public class RoleGrant extends TenantOwned {
  public static final String DELETE = "RoleGrant.delete";
  public static final String GRANTED_TO = "RoleGrant.grantedTo";
  public static final String GRANTEES_OF = "RoleGrant.granteesOf";
  public static final String DELETE_OF_ROLE = "RoleGrant.deleteOfRole";

  @Id
  @Column(name = "grantee_role_id", length = 36)
  private String granteeRoleId;

  @Id
  @Column(name = "role_id", length = 36)
  private String roleId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RoleGrant() {}

  public RoleGrant(String granteeRoleId, String roleId, Instant createdAt) {
    this.granteeRoleId = Objects.requireNonNull(granteeRoleId);
    this.roleId = Objects.requireNonNull(roleId);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public String granteeRoleId() {
    return granteeRoleId;
  }

  public String roleId() {
    return roleId;
  }

  /** Primary key class (a plain class: the JPA provider instantiates and fills it). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String granteeRoleId;
    private String roleId;

    public Key() {}

    public Key(String granteeRoleId, String roleId) {
      this.granteeRoleId = granteeRoleId;
      this.roleId = roleId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(granteeRoleId, k.granteeRoleId)
          && java.util.Objects.equals(roleId, k.roleId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(granteeRoleId, roleId);
    }
  }
}
