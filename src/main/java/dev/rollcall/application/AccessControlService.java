package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.domain.integration.SecurityIntegrationRepository;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.MemberRole;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleGrant;
import dev.rollcall.domain.role.RolePrivilege;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Roles and grants, as the statement API changes them. {@code actorId} is the member acting; every
 * method checks the actor's privileges first. A result of {@code false} means "nothing to change".
 */
@Stateless
@TenantScoped
public class AccessControlService {
  private final RoleRepository roles;
  private final GrantRepository grants;
  private final MemberRepository members;
  private final AuthorizationService authorization;
  private final PowerService power;
  private final SecurityIntegrationRepository integrations;
  private final Clock clock;
  private final TenantContext tenant;
  private final Event<ScimAccessChanged> accessChanged;
  private final OrgadminGuard orgadminGuard;

  /** A role with what a reader needs to know of it. */
  public record RoleDetails(
      Role role, String ownerName, List<String> grantedRoles, List<RolePrivilege> privileges) {}

  @Inject
  public AccessControlService(
      RoleRepository roles,
      GrantRepository grants,
      MemberRepository members,
      AuthorizationService authorization,
      PowerService power,
      SecurityIntegrationRepository integrations,
      Clock clock,
      TenantContext tenant,
      Event<ScimAccessChanged> accessChanged,
      OrgadminGuard orgadminGuard) {
    this.roles = roles;
    this.grants = grants;
    this.members = members;
    this.authorization = authorization;
    this.power = power;
    this.integrations = integrations;
    this.clock = clock;
    this.tenant = tenant;
    this.accessChanged = accessChanged;
    this.orgadminGuard = orgadminGuard;
  }

  public AccessControlService() {
    this(null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Creates a custom role owned by the actor's acting role; false if it existed and ifNotExists.
   */
  public boolean createRole(String actorId, String name, boolean ifNotExists) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    String owner =
        authorization
            .actingRole(actorId, Privilege.MANAGE_MEMBERS)
            .orElseThrow(() -> new IllegalStateException("privilege without acting role"));
    if (createRoleOwnedBy(owner, name, ifNotExists) == null) {
      return false;
    }
    try {
      roles.flush();
    } catch (PersistenceException e) {
      // a role of that name created at the same moment: the unique key on the name decides
      throw StoreFailures.translate(
          e, Role.NAME_CONSTRAINT, () -> new ConflictException("Role " + name + " already exists"));
    }
    return true;
  }

  /** Creates a custom role owned by {@code ownerRoleId}; null if it existed and ifNotExists. */
  public Role createRoleOwnedBy(String ownerRoleId, String name, boolean ifNotExists) {
    validateRoleName(name);
    if (roles.findByName(name).isPresent()) {
      if (ifNotExists) {
        return null;
      }
      throw new ConflictException("Role " + name + " already exists");
    }
    Role role = Role.custom(UUID.randomUUID().toString(), name, ownerRoleId, clock.instant());
    roles.add(role);
    return role;
  }

  static void validateRoleName(String name) {
    if (name == null || name.isBlank() || name.length() > Role.NAME_LENGTH) {
      throw new InvalidRequestException(
          "A role name must be 1 to " + Role.NAME_LENGTH + " characters");
    }
    Lengths.requireKeyed("A role name", name, Role.NAME_LENGTH);
    if (BuiltInRole.isReserved(name)) {
      throw new InvalidRequestException("Role name " + name + " is reserved for a built-in role");
    }
  }

  /** Drops a custom role and every grant of or to it; the roles it owned pass to its owner. */
  public boolean dropRole(String actorId, String name, boolean ifExists) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    var found = roles.findByName(name);
    if (found.isEmpty()) {
      if (ifExists) {
        return false;
      }
      throw roleNotFound(name);
    }
    // dropping a role takes its power from everyone who holds it: that power must be yours
    power.requireCoversRole(actorId, found.get().id());
    dropRole(found.get());
    return true;
  }

  /** Drops the role and its grants without a privilege check (for callers that already did it). */
  public void dropRole(Role role) {
    if (role.builtin()) {
      throw new InvalidRequestException("Built-in role " + role.name() + " cannot be dropped");
    }
    var dependents = integrations.listByRunAsRole(role.id());
    if (!dependents.isEmpty()) {
      throw new ConflictException(
          "Role "
              + role.name()
              + " is the run-as role of security integration "
              + dependents.get(0).name()
              + "; drop that integration first");
    }
    Runnable drop =
        () -> {
          grants.removeAllOfRole(role.id());
          roles.reassignOwnership(role.id(), role.ownerRoleId().orElseThrow());
          roles.remove(role);
        };
    if (orgadminGuard.carriesOrgadmin(role.id())) {
      orgadminGuard.run("Dropping role " + role.name() + " was refused", drop);
    } else {
      drop.run();
    }
    announceAccessChanged();
  }

  public List<Role> listRoles() {
    return roles.list();
  }

  public RoleDetails describeRole(String name) {
    Role role = role(name);
    String owner = role.ownerRoleId().flatMap(roles::find).map(Role::name).orElse(null);
    List<String> inherited =
        roles.listByIds(grants.rolesGrantedTo(Set.of(role.id()))).stream()
            .map(Role::name)
            .sorted()
            .toList();
    List<RolePrivilege> privileges = grants.privilegesOf(Set.of(role.id()));
    return new RoleDetails(role, owner, inherited, privileges);
  }

  public void grantPrivileges(
      String actorId, Set<Privilege> privileges, String roleName, boolean withGrantOption) {
    requireMayGrant(actorId, privileges);
    Role role = role(roleName);
    Instant now = clock.instant();
    for (Privilege privilege : privileges) {
      grants
          .findPrivilege(role.id(), privilege)
          .ifPresentOrElse(
              existing -> existing.widenGrantOption(withGrantOption),
              () ->
                  grants.addPrivilege(
                      new RolePrivilege(role.id(), privilege, withGrantOption, now)));
    }
    announceAccessChanged();
  }

  public void revokePrivileges(String actorId, Set<Privilege> privileges, String roleName) {
    requireMayGrant(actorId, privileges);
    Role role = role(roleName);
    for (Privilege privilege : privileges) {
      grants.removePrivilege(role.id(), privilege);
    }
    announceAccessChanged();
  }

  private void requireMayGrant(String actorId, Set<Privilege> privileges) {
    for (Privilege privilege : privileges) {
      if (!authorization.mayGrant(actorId, privilege)) {
        throw new PermissionDeniedException(
            "Granting or revoking "
                + privilege
                + " requires the MANAGE_GRANTS privilege or "
                + privilege
                + " WITH GRANT OPTION");
      }
    }
  }

  /** Grants a role to a member; false if they already held it directly. */
  public boolean grantRoleToMember(String actorId, String roleName, String login) {
    Role role = grantableRole(actorId, roleName);
    Member member = member(login);
    return grants.addMemberRole(new MemberRole(member.id(), role.id(), clock.instant()));
  }

  /** Takes a role back: the actor must be able to hand it out and must cover the member. */
  public boolean revokeRoleFromMember(String actorId, String roleName, String login) {
    Role role = grantableRole(actorId, roleName);
    Member member = member(login);
    power.requireCovers(actorId, member.id());
    if (orgadminGuard.carriesOrgadmin(role.id())) {
      return orgadminGuard.change(
          "Revoking role " + role.name() + " from " + member.userName() + " was refused",
          () -> grants.removeMemberRole(member.id(), role.id()));
    }
    return grants.removeMemberRole(member.id(), role.id());
  }

  /** Grants role {@code roleName} to role {@code granteeName}, refusing cycles. */
  public boolean grantRoleToRole(String actorId, String roleName, String granteeName) {
    Role role = grantableRole(actorId, roleName);
    Role grantee = role(granteeName);
    if (authorization.inherits(role.id(), grantee.id())) {
      throw new InvalidRequestException(
          "Granting role "
              + role.name()
              + " to role "
              + grantee.name()
              + " would make a cycle: "
              + role.name()
              + " already inherits "
              + grantee.name());
    }
    return announceAccessChangedIf(
        grants.addRoleGrant(new RoleGrant(grantee.id(), role.id(), clock.instant())));
  }

  public boolean revokeRoleFromRole(String actorId, String roleName, String granteeName) {
    Role role = grantableRole(actorId, roleName);
    Role grantee = role(granteeName);
    if (role.builtin() && grantee.builtin()) {
      throw new InvalidRequestException("The built-in role hierarchy cannot be changed");
    }
    power.requireCoversRole(actorId, grantee.id());
    if (orgadminGuard.carriesOrgadmin(role.id())) {
      return announceAccessChangedIf(
          orgadminGuard.change(
              "Revoking role " + role.name() + " from role " + grantee.name() + " was refused",
              () -> grants.removeRoleGrant(grantee.id(), role.id())));
    }
    return announceAccessChangedIf(grants.removeRoleGrant(grantee.id(), role.id()));
  }

  /**
   * What a run-as role holds may have changed: SCIM tokens remembered for the organization are
   * stale once this transaction ends.
   */
  private void announceAccessChanged() {
    accessChanged.fire(new ScimAccessChanged(tenant.require()));
  }

  private boolean announceAccessChangedIf(boolean changed) {
    if (changed) {
      announceAccessChanged();
    }
    return changed;
  }

  /**
   * A role the actor may hand out or take back: MANAGE_MEMBERS, and the role's power must be the
   * actor's to give (PowerService#requireMayHandOut), so nobody grants more than they have.
   */
  private Role grantableRole(String actorId, String roleName) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    Role role = role(roleName);
    if (BuiltInRole.PUBLIC.roleName().equals(role.name()) && role.builtin()) {
      throw new InvalidRequestException("Every member holds role public; it is not granted");
    }
    power.requireMayHandOut(actorId, role.id());
    return role;
  }

  public Role role(String name) {
    return roles.findByName(name).orElseThrow(() -> roleNotFound(name));
  }

  private Member member(String login) {
    return members
        .findByLogin(login)
        .orElseThrow(() -> new NotFoundException("User " + login + " does not exist"));
  }

  private static NotFoundException roleNotFound(String name) {
    return new NotFoundException("Role " + name + " does not exist");
  }
}
