package dev.rollcall.application;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * SCIM acts for its integration's owner (the member who created it or last renewed its token): a
 * SCIM call hands out only what the owner effectively holds at the time of the call, and the owner
 * must be an active member. What the owner holds is read in the call's transaction, never
 * remembered, so a revoke, deactivation or drop of the owner counts from the next call on. Calls
 * that hand nothing out never come here.
 */
@Stateless
@TenantScoped
public class IntegrationOwner {
  private final MemberRepository members;
  private final PowerService power;

  @Inject
  public IntegrationOwner(MemberRepository members, PowerService power) {
    this.members = members;
    this.power = power;
  }

  public IntegrationOwner() {
    this(null, null);
  }

  /**
   * Deactivating or deleting a member who holds built-in roles or privileges takes their power
   * away: the owner must hold all of it, as a member running the statement would.
   */
  public void requireCovers(ScimPrincipal caller, Member target, String change) {
    PowerService.Power held = power.ofMember(target.id());
    if (held.builtInRoles().isEmpty() && held.privileges().isEmpty()) {
      return;
    }
    String what = "everything " + target.userName() + " holds";
    Member owner = activeOwner(caller, what, change);
    held.firstMissingFrom(power.ofMember(owner.id()))
        .ifPresent(
            missing -> {
              throw lacks(
                  caller,
                  owner,
                  missing + " (which " + target.userName() + " holds)",
                  change,
                  "a member holding it acts instead");
            });
  }

  /**
   * Granting or revoking built-in role {@code orgadmin} ({@code change} says which, to whom) needs
   * the owner to hold it.
   */
  public void requireOrgadmin(ScimPrincipal caller, String change) {
    String orgadmin = BuiltInRole.ORGADMIN.roleName();
    Member owner = activeOwner(caller, orgadmin, change);
    if (!power.ofMember(owner.id()).builtInRoles().contains(orgadmin)) {
      throw lacks(
          caller,
          owner,
          "orgadmin",
          change,
          "GRANT ROLE orgadmin TO USER '" + owner.userName() + "'");
    }
  }

  /**
   * Adding members to a group hands out everything its role holds: the built-in roles it is granted
   * (an orgadmin may have run {@code GRANT ROLE orgadmin TO ROLE <group>}) the owner must hold, the
   * privileges the owner must be allowed to grant. Pushed groups are granted nothing, so callers
   * come here only for a role that is granted something.
   */
  public void requireMayAddTo(ScimPrincipal caller, Role group) {
    PowerService.Power carried = power.ofRole(group.id());
    if (carried.builtInRoles().isEmpty() && carried.privileges().isEmpty()) {
      return;
    }
    String change = "adding members to group " + group.name();
    Member owner = activeOwner(caller, "what group " + group.name() + " holds", change);
    Optional<PowerService.Shortfall> shortfall = power.shortfall(owner.id(), carried);
    if (shortfall.isEmpty()) {
      return;
    }
    if (shortfall.get() instanceof PowerService.Shortfall.MissingRole missing) {
      String builtIn = missing.builtInRole();
      throw lacks(
          caller,
          owner,
          "built-in role " + builtIn + " (which group " + group.name() + " inherits)",
          change,
          "GRANT ROLE " + builtIn + " TO USER '" + owner.userName() + "'");
    }
    Privilege privilege = ((PowerService.Shortfall.MissingGrant) shortfall.get()).privilege();
    throw lacks(
        caller,
        owner,
        "the right to grant "
            + privilege
            + " (which group "
            + group.name()
            + " holds; MANAGE_GRANTS or "
            + privilege
            + " WITH GRANT OPTION)",
        change,
        "GRANT MANAGE_GRANTS ON ORGANIZATION TO ROLE <a role of " + owner.userName() + ">");
  }

  /** The owner, if the integration has one and they are an active member. */
  private Member activeOwner(ScimPrincipal caller, String power, String change) {
    Optional<Member> owner = Optional.ofNullable(caller.ownerMemberId()).flatMap(members::find);
    if (owner.isEmpty()) {
      throw new PermissionDeniedException(
          "Security integration "
              + caller.integrationName()
              + " has no owner (the member who created it or last renewed its token was dropped),"
              + " so "
              + change
              + " is refused: "
              + renew(caller, power));
    }
    if (!owner.get().active()) {
      throw new PermissionDeniedException(
          "The owner of security integration "
              + caller.integrationName()
              + ", "
              + owner.get().userName()
              + ", is deactivated, so "
              + change
              + " is refused: "
              + renew(caller, power));
    }
    return owner.get();
  }

  private static PermissionDeniedException lacks(
      ScimPrincipal caller, Member owner, String power, String change, String grant) {
    return new PermissionDeniedException(
        "The owner of security integration "
            + caller.integrationName()
            + ", "
            + owner.userName()
            + ", does not hold "
            + power
            + ", which "
            + change
            + " needs: "
            + grant
            + "; or "
            + renew(caller, power));
  }

  private static String renew(ScimPrincipal caller, String power) {
    return "a member who holds "
        + power
        + " runs ALTER SECURITY INTEGRATION "
        + statementName(caller.integrationName())
        + " RENEW TOKEN, becomes its owner, and gives the identity provider the new token";
  }

  /** The name as a statement spells it: double-quoted unless it reads the same unquoted. */
  static String statementName(String name) {
    return name.matches("[a-z_][a-z0-9_]*") ? name : '"' + name + '"';
  }
}
