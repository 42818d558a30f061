package dev.rollcall.domain.role;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The roles every organization starts with, modelled on DeltaStream's: {@code orgadmin} at the root
 * inherits {@code sysadmin} and {@code securityadmin}; {@code securityadmin} inherits {@code
 * useradmin}; {@code public} is held by every member without a grant.
 */
public enum BuiltInRole {
  PUBLIC("public", List.of(), Set.of()),
  USERADMIN("useradmin", List.of(), Set.of(Privilege.MANAGE_MEMBERS)),
  SECURITYADMIN("securityadmin", List.of("useradmin"), Set.of(Privilege.MANAGE_GRANTS)),
  SYSADMIN(
      "sysadmin",
      List.of(),
      Set.of(
          Privilege.CREATE_DATABASE,
          Privilege.CREATE_STORE,
          Privilege.CREATE_QUERY,
          Privilege.CREATE_SCHEMA_REGISTRY,
          Privilege.CREATE_FUNCTION_SOURCE,
          Privilege.CREATE_DESCRIPTOR_SOURCE,
          Privilege.CREATE_COMPUTE_POOL,
          Privilege.CREATE_SECRET,
          Privilege.USAGE)),
  ORGADMIN("orgadmin", List.of("sysadmin", "securityadmin"), Set.of());

  private final String roleName;
  private final List<String> inherits;
  private final Set<Privilege> privileges;

  BuiltInRole(String roleName, List<String> inherits, Set<Privilege> privileges) {
    this.roleName = roleName;
    this.inherits = inherits;
    this.privileges = privileges;
  }

  public String roleName() {
    return roleName;
  }

  /** Names of the built-in roles this one is granted at organization creation. */
  public List<String> inherits() {
    return inherits;
  }

  /** Privileges the role holds directly at organization creation (with grant option). */
  public Set<Privilege> privileges() {
    return privileges;
  }

  /** The built-in role of that exact name; built-in names are lower case. */
  public static Optional<BuiltInRole> named(String name) {
    for (BuiltInRole role : values()) {
      if (role.roleName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /**
   * True for a name that is a built-in role's, ignoring case (so no custom role can pose as one).
   */
  public static boolean isReserved(String name) {
    for (BuiltInRole role : values()) {
      if (role.roleName.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
