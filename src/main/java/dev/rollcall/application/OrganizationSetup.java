package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.organization.Organization;
import dev.rollcall.domain.organization.OrganizationRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.MemberRole;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleGrant;
import dev.rollcall.domain.role.RolePrivilege;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** Writes a new organization's starting state, inside the new organization's tenant. */
@Stateless
@TenantScoped
public class OrganizationSetup {
  static final String ADMIN_TOKEN_NAME = "admin";

  /** Who {@link #recover} records as having recovered a member. */
  public static final String OPERATOR = "operator";

  /** What the operator's recovery call hands back: the member and its new token (shown once). */
  public record Recovery(Member member, boolean created, String adminToken) {
    @Override
    public String toString() {
      return "Recovery[" + member.userName() + ", created=" + created + ", adminToken=<redacted>]";
    }
  }

  private final OrganizationRepository organizations;
  private final RoleRepository roles;
  private final GrantRepository grants;
  private final MemberRepository members;
  private final ApiTokenService tokens;
  private final Clock clock;
  private final Event<ScimAccessChanged> accessChanged;

  @Inject
  public OrganizationSetup(
      OrganizationRepository organizations,
      RoleRepository roles,
      GrantRepository grants,
      MemberRepository members,
      ApiTokenService tokens,
      Clock clock,
      Event<ScimAccessChanged> accessChanged) {
    this.organizations = organizations;
    this.roles = roles;
    this.grants = grants;
    this.members = members;
    this.tokens = tokens;
    this.clock = clock;
    this.accessChanged = accessChanged;
  }

  public OrganizationSetup() {
    this(null, null, null, null, null, null, null);
  }

  /** Returns the first admin's API token. */
  public String setUp(String organizationId, String name, String adminEmail) {
    Instant now = clock.instant();
    organizations.add(new Organization(organizationId, name, now));
    // gives the organization its SCIM access version (ScimAccessWatch)
    accessChanged.fire(new ScimAccessChanged(organizationId));

    Map<BuiltInRole, Role> builtIns = new EnumMap<>(BuiltInRole.class);
    Role orgadmin = Role.builtIn(UUID.randomUUID().toString(), BuiltInRole.ORGADMIN, null, now);
    builtIns.put(BuiltInRole.ORGADMIN, orgadmin);
    for (BuiltInRole builtIn : BuiltInRole.values()) {
      if (builtIn != BuiltInRole.ORGADMIN) {
        builtIns.put(
            builtIn, Role.builtIn(UUID.randomUUID().toString(), builtIn, orgadmin.id(), now));
      }
    }
    builtIns.values().forEach(roles::add);
    for (BuiltInRole builtIn : BuiltInRole.values()) {
      Role role = builtIns.get(builtIn);
      for (String inherited : builtIn.inherits()) {
        Role parent = builtIns.get(BuiltInRole.named(inherited).orElseThrow());
        grants.addRoleGrant(new RoleGrant(role.id(), parent.id(), now));
      }
      builtIn
          .privileges()
          .forEach(p -> grants.addPrivilege(new RolePrivilege(role.id(), p, true, now)));
    }

    Member admin = Member.withWorkEmail(UUID.randomUUID().toString(), adminEmail, now);
    members.add(admin);
    members.addEmails(admin.id(), admin.emails());
    grants.addMemberRole(new MemberRole(admin.id(), orgadmin.id(), now));
    return tokens.issue(admin.id(), ADMIN_TOKEN_NAME, null).secret();
  }

  /**
   * The operator's last resort: makes the member named {@code adminEmail} (userName first, then
   * email) an active orgadmin, creating them if needed, and issues them a new API token. Records
   * that the operator did it.
   */
  public Recovery recover(String organizationId, String adminEmail) {
    if (organizations.find(organizationId).isEmpty()) {
      throw new NotFoundException("Organization " + organizationId + " does not exist");
    }
    Instant now = clock.instant();
    var found = members.findByLogin(adminEmail);
    Member member =
        found.orElseGet(
            () -> {
              Member created = Member.withWorkEmail(UUID.randomUUID().toString(), adminEmail, now);
              members.add(created);
              members.addEmails(created.id(), created.emails());
              return created;
            });
    member.recoveredBy(OPERATOR, now);
    Role orgadmin =
        roles
            .findByName(BuiltInRole.ORGADMIN.roleName())
            .orElseThrow(() -> new IllegalStateException("organization without orgadmin role"));
    grants.addMemberRole(new MemberRole(member.id(), orgadmin.id(), now));
    String name = "recovery-" + UUID.randomUUID().toString().substring(0, 8);
    String token = tokens.issue(member.id(), name, null).secret();
    // an integration its owner's power bounds may work again
    accessChanged.fire(new ScimAccessChanged(organizationId));
    return new Recovery(member, found.isEmpty(), token);
  }
}
