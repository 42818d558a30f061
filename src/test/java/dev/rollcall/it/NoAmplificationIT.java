package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An actor hands out only what it effectively holds: the attacks of issue 16 by a member holding
 * {@code useradmin}, over the statement API, and the orgadmin's legitimate flows beside them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoAmplificationIT {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);
  private static final String ADMIN = "admin@amp.example";
  private static final String USERADMIN = "ua@amp.example";
  private static final String BOB = "bob@amp.example";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  String admin;
  String useradmin;

  /** An orgadmin, a member holding only {@code useradmin}, and a plain member bob. */
  @BeforeEach
  void organization() throws Exception {
    http = Http.at(base);
    org = http.createOrganization("Amp " + UUID.randomUUID(), ADMIN);
    admin = org.adminToken();
    http.ok(org, admin, "INVITE USER '" + USERADMIN + "' WITH ('role' = useradmin)");
    useradmin = token(admin, "ua", USERADMIN);
    http.ok(org, admin, "INVITE USER '" + BOB + "'");
  }

  @Test
  void aUseradminCannotMintATokenForTheOrgadmin() {
    Reply minted =
        http.statement(org, useradmin, "CREATE API_TOKEN x WITH ('user' = '" + ADMIN + "')");
    assertEquals(403, minted.status(), minted.body());
    assertTrue(message(minted).contains("orgadmin"), minted.body());
    assertEquals(List.of("admin"), http.ok(org, admin, "LIST API_TOKENS").column("Name"));
  }

  @Test
  void aTokenForAnotherMemberExpiresAndNamesItsCreator() {
    Instant before = Instant.now();
    Reply minted = http.ok(org, useradmin, "CREATE API_TOKEN bobs WITH ('user' = '" + BOB + "')");
    String expires = minted.column("Expires At").get(0);
    assertNotNull(expires, "a token made for someone else must expire");
    Instant expiresAt = Instant.from(TIMESTAMP.parse(expires));
    assertTrue(expiresAt.isAfter(before), expires);
    assertFalse(expiresAt.isAfter(Instant.now().plus(Duration.ofDays(90))), expires);

    String bob = minted.column("Token").get(0);
    Reply listed = http.ok(org, bob, "LIST API_TOKENS");
    assertEquals(
        List.of("Name", "Created At", "Expires At", "Last Used At", "Created By"), columns(listed));
    assertEquals(List.of("bobs"), listed.column("Name"));
    assertEquals(List.of(USERADMIN), listed.column("Created By"));
    assertEquals(List.of(expires), listed.column("Expires At"));

    // a member's own tokens: created by themselves, and they still may last for ever
    Reply own = http.ok(org, admin, "LIST API_TOKENS");
    assertEquals(List.of(ADMIN), own.column("Created By"));
    assertEquals(java.util.Collections.singletonList(null), own.column("Expires At"));
  }

  @Test
  void aTokenForAnotherMemberMayNotOutliveTheMaximum() {
    for (String tooLong :
        List.of(
            "'expires_in' = 'P365D'",
            "'expires_in' = 'P91D'",
            "'expires_at' = '2999-01-01T00:00:00Z'")) {
      Reply minted =
          http.statement(
              org, admin, "CREATE API_TOKEN bobs WITH ('user' = '" + BOB + "', " + tooLong + ")");
      assertEquals(400, minted.status(), tooLong + ": " + minted.body());
      assertTrue(message(minted).contains("P90D"), minted.body());
    }
    http.ok(
        org, admin, "CREATE API_TOKEN bobs WITH ('user' = '" + BOB + "', 'expires_in' = 'P30D')");
    // the member's own token keeps its optional, unlimited expiry, also when named with 'user'
    http.ok(org, admin, "CREATE API_TOKEN mine WITH ('expires_in' = 'P365D')");
    http.ok(
        org,
        admin,
        "CREATE API_TOKEN self WITH ('user' = '" + ADMIN + "', 'expires_in' = 'P365D')");
  }

  @Test
  void aUseradminCannotTakeOrgadminThroughACustomRole() {
    http.ok(org, admin, "CREATE ROLE admins");
    http.ok(org, admin, "GRANT ROLE orgadmin TO ROLE admins");

    Reply self = http.statement(org, useradmin, "GRANT ROLE admins TO USER '" + USERADMIN + "'");
    assertEquals(403, self.status(), self.body());
    assertTrue(message(self).contains("orgadmin"), self.body());

    // nor by raising a role they hold
    http.ok(org, useradmin, "CREATE ROLE mine");
    http.ok(org, useradmin, "GRANT ROLE mine TO USER '" + USERADMIN + "'");
    Reply raise = http.statement(org, useradmin, "GRANT ROLE admins TO ROLE mine");
    assertEquals(403, raise.status(), raise.body());
    assertTrue(message(raise).contains("orgadmin"), raise.body());

    // nor strip what the orgadmin put into a role more powerful than they are
    http.ok(org, admin, "CREATE ROLE team");
    http.ok(org, admin, "GRANT ROLE team TO ROLE admins");
    Reply strip = http.statement(org, useradmin, "REVOKE ROLE team FROM ROLE admins");
    assertEquals(403, strip.status(), strip.body());
    assertTrue(message(strip).contains("orgadmin"), strip.body());

    // nor drop a role that carries power they lack, taking it from its holders
    Reply drop = http.statement(org, useradmin, "DROP ROLE admins");
    assertEquals(403, drop.status(), drop.body());
    http.ok(org, admin, "DESCRIBE ROLE admins");
    http.ok(org, useradmin, "DROP ROLE mine");

    assertEquals(
        List.of("false"),
        http.ok(org, useradmin, "CAN I MANAGE_GRANTS ON ORGANIZATION").column("Allowed"));
    Reply users = http.ok(org, admin, "LIST USERS");
    assertEquals("useradmin", users.column("Roles").get(users.column("Email").indexOf(USERADMIN)));
  }

  @Test
  void aRoleCarryingAPrivilegeIsHandedOutOnlyUnderTheGrantRules() {
    http.ok(org, admin, "CREATE ROLE queriers");
    http.ok(org, admin, "GRANT CREATE_QUERY ON ORGANIZATION TO ROLE queriers");

    Reply grant = http.statement(org, useradmin, "GRANT ROLE queriers TO USER '" + BOB + "'");
    assertEquals(403, grant.status(), grant.body());
    assertTrue(message(grant).contains("CREATE_QUERY"), grant.body());

    Reply invite =
        http.statement(org, useradmin, "INVITE USER 'carol@amp.example' WITH ('role' = queriers)");
    assertEquals(403, invite.status(), invite.body());
    assertTrue(message(invite).contains("CREATE_QUERY"), invite.body());
    assertFalse(http.ok(org, admin, "LIST USERS").column("Email").contains("carol@amp.example"));

    // holding CREATE_QUERY without grant option is not enough
    http.ok(org, admin, "CREATE ROLE plain_queriers");
    http.ok(org, admin, "GRANT CREATE_QUERY ON ORGANIZATION TO ROLE plain_queriers");
    http.ok(org, admin, "GRANT ROLE plain_queriers TO USER '" + USERADMIN + "'");
    assertEquals(
        403, http.statement(org, useradmin, "GRANT ROLE queriers TO USER '" + BOB + "'").status());

    // CREATE_QUERY WITH GRANT OPTION is
    http.ok(org, admin, "CREATE ROLE query_grantors");
    http.ok(
        org, admin, "GRANT CREATE_QUERY ON ORGANIZATION TO ROLE query_grantors WITH GRANT OPTION");
    http.ok(org, admin, "GRANT ROLE query_grantors TO USER '" + USERADMIN + "'");
    http.ok(org, useradmin, "GRANT ROLE queriers TO USER '" + BOB + "'");

    // and so is MANAGE_GRANTS (securityadmin)
    String carol = "carol@amp.example";
    http.ok(org, admin, "INVITE USER '" + carol + "' WITH ('role' = securityadmin)");
    String securityadmin = token(admin, "sa", carol);
    http.ok(org, securityadmin, "INVITE USER 'dave@amp.example' WITH ('role' = queriers)");
  }

  @Test
  void aUseradminCannotDropOrStripAnOrgadmin() {
    // a second orgadmin, so the last-orgadmin guard is not what refuses
    String boss = "boss@amp.example";
    http.ok(org, admin, "INVITE USER '" + boss + "' WITH ('role' = orgadmin)");
    http.ok(org, admin, "CREATE ROLE team");
    http.ok(org, admin, "GRANT ROLE team TO USER '" + boss + "'");

    Reply drop = http.statement(org, useradmin, "DROP USER '" + boss + "'");
    assertEquals(403, drop.status(), drop.body());
    assertTrue(message(drop).contains("orgadmin"), drop.body());

    Reply revoke = http.statement(org, useradmin, "REVOKE ROLE orgadmin FROM USER '" + boss + "'");
    assertEquals(403, revoke.status(), revoke.body());
    assertTrue(message(revoke).contains("orgadmin"), revoke.body());

    // a role the useradmin could hand out, but not from a member more powerful than they are
    Reply strip = http.statement(org, useradmin, "REVOKE ROLE team FROM USER '" + boss + "'");
    assertEquals(403, strip.status(), strip.body());
    assertTrue(message(strip).contains("orgadmin"), strip.body());

    Reply users = http.ok(org, admin, "LIST USERS");
    assertEquals("orgadmin, team", users.column("Roles").get(users.column("Email").indexOf(boss)));
  }

  @Test
  void aUseradminCannotDropAMemberHoldingAPrivilegeTheyLack() {
    http.ok(org, admin, "CREATE ROLE queriers");
    http.ok(org, admin, "GRANT CREATE_QUERY ON ORGANIZATION TO ROLE queriers");
    http.ok(org, admin, "GRANT ROLE queriers TO USER '" + BOB + "'");
    Reply drop = http.statement(org, useradmin, "DROP USER '" + BOB + "'");
    assertEquals(403, drop.status(), drop.body());
    assertTrue(message(drop).contains("queriers"), drop.body());
    assertTrue(http.ok(org, admin, "LIST USERS").column("Email").contains(BOB));
  }

  @Test
  void theLegitimateFlowsStillWork() {
    // the seeds' Okta set-up by the orgadmin
    http.oktaIntegration(org);

    // a useradmin manages plain members and hands out what they hold
    http.ok(org, useradmin, "GRANT ROLE useradmin TO USER '" + BOB + "'");
    http.ok(org, useradmin, "REVOKE ROLE useradmin FROM USER '" + BOB + "'");
    http.ok(org, useradmin, "CREATE ROLE team");
    http.ok(org, useradmin, "INVITE USER 'carol@amp.example' WITH ('role' = team)");
    http.ok(org, useradmin, "REVOKE ROLE team FROM USER 'carol@amp.example'");
    http.ok(org, useradmin, "DROP USER 'carol@amp.example'");

    // the orgadmin can do all of it to anyone
    http.ok(org, admin, "CREATE ROLE admins");
    http.ok(org, admin, "GRANT ROLE orgadmin TO ROLE admins");
    http.ok(org, admin, "GRANT ROLE admins TO USER '" + BOB + "'");
    http.ok(org, admin, "CREATE API_TOKEN uas WITH ('user' = '" + USERADMIN + "')");
    http.ok(
        org, admin, "CREATE API_TOKEN bobs WITH ('user' = '" + BOB + "', 'expires_in' = 'P90D')");
    http.ok(org, admin, "REVOKE ROLE admins FROM USER '" + BOB + "'");
    http.ok(org, admin, "DROP USER '" + USERADMIN + "'");
    http.ok(org, admin, "DROP USER '" + BOB + "'");
    assertEquals(List.of(ADMIN), http.ok(org, admin, "LIST USERS").column("Email"));
  }

  private String token(String creator, String name, String user) {
    return http.ok(org, creator, "CREATE API_TOKEN " + name + " WITH ('user' = '" + user + "')")
        .column("Token")
        .get(0);
  }

  private static String message(Reply reply) {
    return reply.json().getString("message");
  }

  private static List<String> columns(Reply reply) {
    return reply.json().getJsonArray("columns").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}
