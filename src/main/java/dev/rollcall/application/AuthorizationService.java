package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.RolePrivilege;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "may this member do P?": P must be granted to one of the member's roles, where a member's
 * roles are the ones granted directly, {@code public}, and everything those inherit through
 * role-to-role grants, transitively. Every statement's privilege check and {@code CAN I} come here.
 */
@Stateless
@TenantScoped
public class AuthorizationService {
  private final GrantRepository grants;
  private final RoleRepository roles;

  @Inject
  public AuthorizationService(GrantRepository grants, RoleRepository roles) {
    this.grants = grants;
    this.roles = roles;
  }

  public AuthorizationService() {
    this(null, null);
  }

  /** The member's direct roles plus {@code public} (every member holds it). */
  public Set<String> directRoleIds(String memberId) {
    Set<String> direct = new LinkedHashSet<>(grants.roleIdsOfMember(memberId));
    roles.findByName(BuiltInRole.PUBLIC.roleName()).ifPresent(r -> direct.add(r.id()));
    return direct;
  }

  /** Every role the member holds, directly or through inheritance. */
  public Set<String> effectiveRoleIds(String memberId) {
    return closure(directRoleIds(memberId));
  }

  /** The roles and every role they inherit; one query per level of the hierarchy. */
  public Set<String> closure(Set<String> start) {
    Set<String> seen = new HashSet<>(start);
    Set<String> frontier = new HashSet<>(start);
    while (!frontier.isEmpty()) {
      Set<String> next = new HashSet<>();
      for (String id : grants.rolesGrantedTo(frontier)) {
        if (seen.add(id)) {
          next.add(id);
        }
      }
      frontier = next;
    }
    return seen;
  }

  public boolean holds(String memberId, Privilege privilege) {
    return grantIn(effectiveRoleIds(memberId), privilege).isPresent();
  }

  /** Whether the role itself (with everything it inherits) holds the privilege. */
  public boolean roleHolds(String roleId, Privilege privilege) {
    return grantIn(closure(Set.of(roleId)), privilege).isPresent();
  }

  public void require(String memberId, Privilege privilege) {
    if (!holds(memberId, privilege)) {
      throw new PermissionDeniedException(
          "This statement requires the " + privilege + " privilege, which none of your roles hold");
    }
  }

  /**
   * Whether the member may grant or revoke the privilege: MANAGE_GRANTS, or it with grant option.
   */
  public boolean mayGrant(String memberId, Privilege privilege) {
    Set<String> held = effectiveRoleIds(memberId);
    return grantIn(held, Privilege.MANAGE_GRANTS).isPresent()
        || grantIn(held, privilege).map(RolePrivilege::grantOption).orElse(false);
  }

  /**
   * The member's directly granted role through which they hold the privilege: the role that acts,
   * and owns what it creates. Prefers the most specific role (the one with the smallest hierarchy).
   */
  public Optional<String> actingRole(String memberId, Privilege privilege) {
    String best = null;
    int bestSize = Integer.MAX_VALUE;
    for (String direct : directRoleIds(memberId)) {
      Set<String> inherited = closure(Set.of(direct));
      if (inherited.size() < bestSize && grantIn(inherited, privilege).isPresent()) {
        best = direct;
        bestSize = inherited.size();
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether {@code candidate} is {@code roleId} or is inherited by it. */
  public boolean inherits(String roleId, String candidate) {
    return closure(Set.of(roleId)).contains(candidate);
  }

  private Optional<RolePrivilege> grantIn(Set<String> roleIds, Privilege privilege) {
    return grants.privilegesOf(roleIds).stream()
        .filter(p -> p.privilege() == privilege)
        .reduce((a, b) -> a.grantOption() ? a : b);
  }
}
