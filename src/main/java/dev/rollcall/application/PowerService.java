package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RolePrivilege;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * No amplification: an actor hands out, and acts on, only what it effectively holds. The
 * <em>power</em> of a member or role is the built-in roles it effectively holds (directly or
 * through role-to-role grants; {@code public}, which everyone holds, left out) plus the privileges
 * those roles hold. An actor <em>covers</em> a member when the member's power is part of the
 * actor's. Every path that moves power asks here: API tokens for other members, granting, revoking
 * and inviting with roles, dropping (and deactivating) members.
 */
@Stateless
@TenantScoped
public class PowerService {
  /** Built-in roles from the most to the least powerful, so refusals name the one that matters. */
  private static final List<String> BUILT_IN_ORDER =
      List.of(
          BuiltInRole.ORGADMIN.roleName(),
          BuiltInRole.SYSADMIN.roleName(),
          BuiltInRole.SECURITYADMIN.roleName(),
          BuiltInRole.USERADMIN.roleName());

  private final AuthorizationService authorization;
  private final GrantRepository grants;
  private final RoleRepository roles;
  private final MemberRepository members;

  /** What a member or role effectively holds: built-in role names and privileges. */
  public record Power(Set<String> builtInRoles, Set<Privilege> privileges) {
    public Power {
      builtInRoles = Set.copyOf(builtInRoles);
      privileges = Set.copyOf(privileges);
    }

    public boolean within(Power other) {
      return other.builtInRoles.containsAll(builtInRoles)
          && other.privileges.containsAll(privileges);
    }

    /**
     * The first thing this holds that {@code other} does not ("role orgadmin", "privilege
     * CREATE_QUERY"): built-in roles first, the most powerful first, then privileges.
     */
    public Optional<String> firstMissingFrom(Power other) {
      for (String role : BUILT_IN_ORDER) {
        if (builtInRoles.contains(role) && !other.builtInRoles.contains(role)) {
          return Optional.of("role " + role);
        }
      }
      for (Privilege privilege : Privilege.values()) {
        if (privileges.contains(privilege) && !other.privileges.contains(privilege)) {
          return Optional.of("privilege " + privilege);
        }
      }
      return Optional.empty();
    }
  }

  @Inject
  public PowerService(
      AuthorizationService authorization,
      GrantRepository grants,
      RoleRepository roles,
      MemberRepository members) {
    this.authorization = authorization;
    this.grants = grants;
    this.roles = roles;
    this.members = members;
  }

  public PowerService() {
    this(null, null, null, null);
  }

  public Power ofMember(String memberId) {
    Set<String> held = authorization.effectiveRoleIds(memberId);
    return of(held, grants.privilegesOf(held));
  }

  /** The role's power: itself and everything it inherits. */
  public Power ofRole(String roleId) {
    Set<String> carried = authorization.closure(Set.of(roleId));
    return of(carried, grants.privilegesOf(carried));
  }

  /** Whether the actor effectively holds every built-in role and privilege the member holds. */
  public boolean covers(String actorId, String memberId) {
    return ofMember(memberId).within(ofMember(actorId));
  }

  /**
   * Refuses (403) when the member holds power the actor does not: dropping, deactivating, stripping
   * or minting a token for a member needs at least the member's power. The refusal names the
   * member's role that carries what the actor lacks.
   */
  public void requireCovers(String actorId, String targetMemberId) {
    Power actor = ofMember(actorId);
    if (ofMember(targetMemberId).within(actor)) {
      return;
    }
    String userName = members.find(targetMemberId).map(Member::userName).orElse(targetMemberId);
    for (Role direct : mostPowerfulFirst(roles.listByIds(grants.roleIdsOfMember(targetMemberId)))) {
      Optional<String> missing = ofRole(direct.id()).firstMissingFrom(actor);
      if (missing.isPresent()) {
        throw new PermissionDeniedException(
            "User "
                + userName
                + " holds "
                + carrying(direct, missing.get())
                + "; you may act only on members whose roles and privileges you hold too");
      }
    }
    // only what public carries is left, and the actor holds public too
    throw new PermissionDeniedException(
        "User " + userName + " holds roles or privileges you do not hold");
  }

  /** Refuses (403) changing a role that carries power the actor does not hold. */
  public void requireCoversRole(String actorId, String roleId) {
    Role role = role(roleId);
    ofRole(roleId)
        .firstMissingFrom(ofMember(actorId))
        .ifPresent(
            missing -> {
              throw new PermissionDeniedException(
                  "Role "
                      + role.name()
                      + (role.builtin() && missing.equals("role " + role.name())
                          ? " is a built-in role you do not hold"
                          : " carries " + missing + ", which you do not hold")
                      + "; you may change only roles whose roles and privileges you hold too");
            });
  }

  /** What of a role's power an actor may not hand out. */
  public sealed interface Shortfall {
    /** A built-in role the role is or inherits, which the actor does not hold. */
    record MissingRole(String builtInRole) implements Shortfall {}

    /** A privilege the role carries, which the actor may not grant. */
    record MissingGrant(Privilege privilege) implements Shortfall {}
  }

  /**
   * What of {@code carried} (a role's power, {@link #ofRole}) the actor may not hand out: a
   * built-in role it does not hold (the most powerful first), else a privilege it may not grant
   * under the grant rules (MANAGE_GRANTS, or the privilege WITH GRANT OPTION, as {@link
   * AuthorizationService#mayGrant}); empty when it may hand out all of it.
   */
  public Optional<Shortfall> shortfall(String actorId, Power carried) {
    Set<String> held = authorization.effectiveRoleIds(actorId);
    List<RolePrivilege> actorPrivileges = grants.privilegesOf(held);
    Power actor = of(held, actorPrivileges);
    for (String builtIn : BUILT_IN_ORDER) {
      if (carried.builtInRoles().contains(builtIn) && !actor.builtInRoles().contains(builtIn)) {
        return Optional.of(new Shortfall.MissingRole(builtIn));
      }
    }
    boolean managesGrants = actor.privileges().contains(Privilege.MANAGE_GRANTS);
    Set<Privilege> withGrantOption =
        actorPrivileges.stream()
            .filter(RolePrivilege::grantOption)
            .map(RolePrivilege::privilege)
            .collect(Collectors.toSet());
    for (Privilege privilege : Privilege.values()) {
      if (carried.privileges().contains(privilege)
          && !managesGrants
          && !withGrantOption.contains(privilege)) {
        return Optional.of(new Shortfall.MissingGrant(privilege));
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses (403) handing out, or taking back, a role unless the actor may hand out all of its
   * power ({@link #shortfall}).
   */
  public void requireMayHandOut(String actorId, String roleId) {
    Role role = role(roleId);
    Optional<Shortfall> shortfall = shortfall(actorId, ofRole(roleId));
    if (shortfall.isEmpty()) {
      return;
    }
    if (shortfall.get() instanceof Shortfall.MissingRole missing) {
      String builtIn = missing.builtInRole();
      throw new PermissionDeniedException(
          role.builtin() && role.name().equals(builtIn)
              ? "Only a member who holds built-in role " + builtIn + " may grant or revoke it"
              : "Role "
                  + role.name()
                  + " carries built-in role "
                  + builtIn
                  + ", which you do not hold; you may hand out only what you hold");
    }
    Privilege privilege = ((Shortfall.MissingGrant) shortfall.get()).privilege();
    throw new PermissionDeniedException(
        "Role "
            + role.name()
            + " carries privilege "
            + privilege
            + "; handing it out requires the MANAGE_GRANTS privilege or "
            + privilege
            + " WITH GRANT OPTION");
  }

  private Power of(Set<String> roleIds, Collection<RolePrivilege> privileges) {
    Set<String> builtIns =
        roles.listByIds(roleIds).stream()
            .filter(Role::builtin)
            .map(Role::name)
            .filter(name -> !BuiltInRole.PUBLIC.roleName().equals(name))
            .collect(Collectors.toSet());
    Set<Privilege> held = EnumSet.noneOf(Privilege.class);
    privileges.forEach(p -> held.add(p.privilege()));
    return new Power(builtIns, held);
  }

  /** "role orgadmin, which you do not hold" or "role queriers, which carries ... you lack". */
  private static String carrying(Role role, String missing) {
    return missing.equals("role " + role.name()) && role.builtin()
        ? "role " + role.name() + ", which you do not hold"
        : "role " + role.name() + ", which carries " + missing + " that you do not hold";
  }

  /** Built-in roles from orgadmin down, then custom roles by name. */
  private static List<Role> mostPowerfulFirst(List<Role> direct) {
    return direct.stream()
        .sorted(
            Comparator.comparingInt(
                    (Role r) -> r.builtin() ? BUILT_IN_ORDER.indexOf(r.name()) : Integer.MAX_VALUE)
                .thenComparing(Role::name))
        .toList();
  }

  private Role role(String roleId) {
    return roles
        .find(roleId)
        .orElseThrow(() -> new NotFoundException("Role " + roleId + " does not exist"));
  }
}
