package dev.rollcall.application;

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
import dev.rollcall.infrastructure.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
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

  private final OrganizationRepository organizations;
  private final RoleRepository roles;
  private final GrantRepository grants;
  private final MemberRepository members;
  private final ApiTokenService tokens;
  private final Clock clock;

  @Inject
  public OrganizationSetup(
      OrganizationRepository organizations,
      RoleRepository roles,
      GrantRepository grants,
      MemberRepository members,
      ApiTokenService tokens,
      Clock clock) {
    this.organizations = organizations;
    this.roles = roles;
    this.grants = grants;
    this.members = members;
    this.tokens = tokens;
    this.clock = clock;
  }

  public OrganizationSetup() {
    this(null, null, null, null, null, null);
  }

  /** Returns the first admin's API token. */
  public String setUp(String organizationId, String name, String adminEmail) {
    Instant now = clock.instant();
    organizations.add(new Organization(organizationId, name, now));

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

    Member admin = new Member(UUID.randomUUID().toString(), adminEmail, adminEmail, now);
    members.add(admin);
    grants.addMemberRole(new MemberRole(admin.id(), orgadmin.id(), now));
    return tokens.issue(admin.id(), ADMIN_TOKEN_NAME, null).secret();
  }
}
