package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.AccessControlService;
import dev.rollcall.application.ApiTokenService;
import dev.rollcall.application.AuthorizationService;
import dev.rollcall.application.MemberService;
import dev.rollcall.application.OrganizationService;
import dev.rollcall.application.OrganizationService.CreatedOrganization;
import dev.rollcall.application.PowerService;
import dev.rollcall.application.Secrets;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.statement.StatementExecutor;
import dev.rollcall.statement.StatementParser;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Privileges reach members through every level of the role hierarchy, and only through it. */
@ExtendWith(ArquillianExtension.class)
class AccessControlIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestSupport(AccessControlIT.class);
  }

  @Inject OrganizationService organizations;
  @Inject AccessControlService accessControl;
  @Inject AuthorizationService authorization;
  @Inject MemberService members;
  @Inject ApiTokenService tokens;
  @Inject InContainer container;

  CreatedOrganization org;
  String admin;

  @BeforeEach
  void organization() {
    org = organizations.create("Access " + UUID.randomUUID(), "admin@access.example");
    admin = container.in(org.id(), () -> members.find("admin@access.example").id());
  }

  @Test
  void builtInHierarchyGivesOrgadminEveryPrivilege() {
    container.run(
        org.id(),
        () -> {
          for (Privilege privilege : Privilege.values()) {
            assertTrue(authorization.holds(admin, privilege), "orgadmin lacks " + privilege);
          }
        });
  }

  @Test
  void privilegesFlowThroughRoleToRoleGrantsTransitively() {
    String bob = container.in(org.id(), () -> members.invite(admin, "bob@access.example").id());
    container.run(
        org.id(),
        () -> {
          assertFalse(authorization.holds(bob, Privilege.MANAGE_MEMBERS));
          accessControl.createRole(admin, "a", false);
          accessControl.createRole(admin, "b", false);
          accessControl.createRole(admin, "c", false);
          accessControl.grantPrivileges(admin, Set.of(Privilege.CREATE_QUERY), "c", false);
          accessControl.grantRoleToRole(admin, "c", "b");
          accessControl.grantRoleToRole(admin, "b", "a");
          accessControl.grantRoleToMember(admin, "a", "bob@access.example");
          assertTrue(
              authorization.holds(bob, Privilege.CREATE_QUERY), "a -> b -> c -> CREATE_QUERY");
          assertFalse(authorization.holds(bob, Privilege.MANAGE_MEMBERS));
          accessControl.revokeRoleFromRole(admin, "c", "b");
          assertFalse(authorization.holds(bob, Privilege.CREATE_QUERY), "chain cut at b");
        });
  }

  @Test
  void aTokenIssuedForAnotherMemberActsAsThatMember() {
    String bob = container.in(org.id(), () -> members.invite(admin, "bob@access.example").id());
    String secret =
        container.in(
            org.id(), () -> tokens.issueFor(admin, "bob@access.example", "bobs", null).secret());
    assertEquals(bob, container.in(org.id(), () -> tokens.authenticate(secret).id()));
    assertThrows(
        PermissionDeniedException.class,
        () ->
            container.run(org.id(), () -> tokens.issueFor(bob, "admin@access.example", "x", null)));
  }

  @Inject PowerService power;

  @Test
  void powerIsWhatAMemberEffectivelyHoldsAndCoveringComparesIt() {
    String ua = container.in(org.id(), () -> members.invite(admin, "ua@access.example").id());
    String bob = container.in(org.id(), () -> members.invite(admin, "bob@access.example").id());
    container.run(
        org.id(),
        () -> {
          accessControl.grantRoleToMember(admin, "useradmin", "ua@access.example");
          assertEquals(Set.of("useradmin"), power.ofMember(ua).builtInRoles());
          assertEquals(Set.of(Privilege.MANAGE_MEMBERS), power.ofMember(ua).privileges());
          assertTrue(power.covers(admin, ua));
          assertFalse(power.covers(ua, admin));
          assertTrue(power.covers(ua, bob), "bob holds only public");

          accessControl.createRole(admin, "queriers", false);
          accessControl.grantPrivileges(admin, Set.of(Privilege.CREATE_QUERY), "queriers", false);
          accessControl.createRole(admin, "outer", false);
          accessControl.grantRoleToRole(admin, "queriers", "outer");
          accessControl.grantRoleToMember(admin, "outer", "bob@access.example");
          assertEquals(Set.of(Privilege.CREATE_QUERY), power.ofMember(bob).privileges());
          assertFalse(power.covers(ua, bob), "bob holds CREATE_QUERY through outer -> queriers");
          assertTrue(power.covers(admin, bob));
        });
    var denied =
        assertThrows(
            PermissionDeniedException.class,
            () -> container.run(org.id(), () -> power.requireCovers(ua, bob)));
    assertTrue(denied.getMessage().contains("role outer"), denied.getMessage());
    assertTrue(denied.getMessage().contains("CREATE_QUERY"), denied.getMessage());
    var orgadmin =
        assertThrows(
            PermissionDeniedException.class,
            () -> container.run(org.id(), () -> power.requireCovers(ua, admin)));
    assertTrue(orgadmin.getMessage().contains("role orgadmin"), orgadmin.getMessage());
    container.run(org.id(), () -> power.requireCovers(admin, bob));
  }

  @Inject StatementExecutor executor;

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  @Test
  void apiTokensAreStoredOnlyAsTheirHash() throws Exception {
    String secret = container.in(org.id(), () -> tokens.issue(admin, "ci", null).secret());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT * FROM api_tokens WHERE org_id = ? AND name = 'ci'")) {
      query.setString(1, org.id());
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        assertEquals(Secrets.hash(secret), row.getString("token_hash"));
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
          assertFalse(
              String.valueOf(row.getObject(i)).contains(secret.substring(7)),
              "column " + row.getMetaData().getColumnName(i) + " holds the secret");
        }
      }
    }
  }

  @Test
  void aStatementThatFailsHalfwayRollsBackWhatItDid() {
    var statement =
        new StatementParser().parse("INVITE USER 'half@access.example' WITH ('role' = nosuch)");
    assertThrows(
        NotFoundException.class,
        () -> container.run(org.id(), () -> executor.execute(admin, statement)));
    assertThrows(
        NotFoundException.class,
        () -> container.run(org.id(), () -> members.find("half@access.example")));
  }

  @Test
  void deactivatedMembersTokensAreRefusedAndWorkAgainAfterReactivation() {
    String bob = container.in(org.id(), () -> members.invite(admin, "bob@access.example").id());
    String secret =
        container.in(
            org.id(), () -> tokens.issueFor(admin, "bob@access.example", "bobs", null).secret());
    container.run(org.id(), () -> members.alterActive(admin, "bob@access.example", false));
    assertThrows(
        AuthenticationException.class,
        () -> container.run(org.id(), () -> tokens.authenticate(secret)));
    container.run(org.id(), () -> members.alterActive(admin, "bob@access.example", true));
    assertEquals(bob, container.in(org.id(), () -> tokens.authenticate(secret).id()));
  }
}
