package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.Secrets;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security integrations end to end: statements issue tokens, the SCIM filter honours exactly the
 * current, unexpired token of the organization in the path. Runs inside the server so it can move
 * the clock and read the table, and talks to the server over HTTP like an identity provider.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIntegrationIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestSupport(SecurityIntegrationIT.class, Http.class);
  }

  @ArquillianResource URL base;
  @Inject AdjustableClock clock;

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  Http http;
  Organization org;

  @BeforeEach
  void organization() throws Exception {
    http = new Http(base.toURI());
    org = http.createOrganization("Integrations " + UUID.randomUUID(), "admin@int.example");
    http.provisioningRole(org, "okta_skim_provisioner");
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private Reply create(String name) {
    return http.ok(
        org,
        org.adminToken(),
        "CREATE SECURITY INTEGRATION \""
            + name
            + "\" WITH ('type' = SCIM, 'scim.client' = OKTA, 'scim.run_as_role' = okta_skim_provisioner);");
  }

  private int scimStatus(String uri, String token) {
    return http.send(
            "GET",
            uri.substring(http.base().toString().length()) + "/ServiceProviderConfig",
            token,
            null,
            null,
            null)
        .status();
  }

  @Test
  void createdTokenWorksOnlyOnItsOwnOrganizationsUri() {
    Reply created = create("okta");
    assertEquals(
        List.of("Type", "Name", "Command", "Summary", "Token", "Uri", "Expires At"),
        created.json().getJsonArray("columns").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    String token = created.column("Token").get(0);
    String uri = created.column("Uri").get(0);
    assertTrue(token.startsWith("rc_scim_"));
    assertEquals(http.base() + "scim/v2/" + org.id(), uri);
    assertEquals(
        List.of("security integration okta was successfully created"), created.column("Summary"));

    Reply config =
        http.send("GET", "scim/v2/" + org.id() + "/ServiceProviderConfig", token, null, null, null);
    assertEquals(200, config.status(), config.body());
    assertTrue(
        http.ok(org, org.adminToken(), "DESCRIBE SECURITY INTEGRATION okta")
            .column("Token Last Used At")
            .get(0)
            .endsWith("+0000 UTC"),
        "a SCIM call records when the token was last used");
    assertTrue(config.header("Content-Type").orElse("").startsWith("application/scim+json"));

    Organization other = http.createOrganization("Other " + UUID.randomUUID(), "a@other.example");
    Reply wrongOrg =
        http.send(
            "GET", "scim/v2/" + other.id() + "/ServiceProviderConfig", token, null, null, null);
    assertEquals(401, wrongOrg.status());
    assertEquals(
        List.of("urn:ietf:params:scim:api:messages:2.0:Error"),
        List.of(wrongOrg.json().getJsonArray("schemas").getString(0)));
    assertEquals("401", wrongOrg.json().getString("status"));
    assertTrue(wrongOrg.header("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(401, scimStatus(uri, null));
    assertEquals(401, scimStatus(uri, "rc_scim_guessed"));
  }

  @Test
  void renewReplacesTheTokenAtOnceAndDropRevokesIt() {
    Reply created = create("okta");
    String first = created.column("Token").get(0);
    String uri = created.column("Uri").get(0);

    Reply renewed = http.ok(org, org.adminToken(), "ALTER SECURITY INTEGRATION okta RENEW TOKEN;");
    assertEquals(List.of("ALTER"), renewed.column("Command"));
    assertEquals(
        List.of("security integration okta was successfully refreshed"), renewed.column("Summary"));
    String second = renewed.column("Token").get(0);
    assertNotEquals(first, second);
    assertEquals(401, scimStatus(uri, first));
    assertEquals(200, scimStatus(uri, second));

    http.ok(org, org.adminToken(), "DROP SECURITY INTEGRATION okta");
    assertEquals(401, scimStatus(uri, second));
    assertEquals(
        404, http.statement(org, org.adminToken(), "DESCRIBE SECURITY INTEGRATION okta").status());
  }

  @Test
  void expiredTokensAreRefused() {
    Reply created = create("okta");
    String token = created.column("Token").get(0);
    String uri = created.column("Uri").get(0);
    assertEquals(200, scimStatus(uri, token));
    clock.advance(Duration.ofDays(364));
    assertEquals(200, scimStatus(uri, token), "still valid just before a year has passed");
    clock.advance(Duration.ofDays(2));
    assertEquals(401, scimStatus(uri, token));
  }

  @Test
  void theRunAsRoleMustHoldManageMembersAtCreationAndAtEveryCall() {
    http.ok(org, org.adminToken(), "CREATE ROLE powerless");
    Reply refused =
        http.statement(
            org,
            org.adminToken(),
            "CREATE SECURITY INTEGRATION okta WITH ('type' = SCIM, 'scim.client' = OKTA, 'scim.run_as_role' = powerless)");
    assertEquals(400, refused.status());
    assertTrue(
        refused
            .json()
            .getString("message")
            .contains("GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE powerless"),
        refused.body());

    Reply missing =
        http.statement(
            org,
            org.adminToken(),
            "CREATE SECURITY INTEGRATION okta WITH ('type' = SCIM, 'scim.client' = ENTRA_ID, 'scim.run_as_role' = nosuch)");
    assertEquals(404, missing.status());
    assertTrue(missing.json().getString("message").contains("CREATE ROLE nosuch"), missing.body());

    Reply badType =
        http.statement(
            org, org.adminToken(), "CREATE SECURITY INTEGRATION okta WITH ('type' = LDAP)");
    assertEquals(400, badType.status());
    assertTrue(badType.json().getString("message").contains("SCIM"), badType.body());

    Reply created = create("okta");
    String token = created.column("Token").get(0);
    String uri = created.column("Uri").get(0);
    assertEquals(200, scimStatus(uri, token));
    http.ok(
        org,
        org.adminToken(),
        "REVOKE MANAGE_MEMBERS ON ORGANIZATION FROM ROLE okta_skim_provisioner");
    assertEquals(403, scimStatus(uri, token), "the token the server remembers is checked again");
    http.ok(
        org,
        org.adminToken(),
        "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE okta_skim_provisioner");
    assertEquals(200, scimStatus(uri, token));
    assertEquals(
        409, http.statement(org, org.adminToken(), "DROP ROLE okta_skim_provisioner").status());
  }

  @Test
  void aRunAsRoleMayHoldManageMembersThroughAnInheritedRole() {
    // authentication answers the direct grant in one query; an inherited one takes the slow path
    http.ok(org, org.adminToken(), "CREATE ROLE provisioners");
    http.ok(org, org.adminToken(), "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE provisioners");
    http.ok(org, org.adminToken(), "CREATE ROLE entra_runner");
    http.ok(org, org.adminToken(), "GRANT ROLE provisioners TO ROLE entra_runner");
    Reply created =
        http.ok(
            org,
            org.adminToken(),
            "CREATE SECURITY INTEGRATION entra WITH ('type' = SCIM, 'scim.client' = ENTRA_ID, 'scim.run_as_role' = entra_runner)");
    String token = created.column("Token").get(0);
    String uri = created.column("Uri").get(0);
    assertEquals(200, scimStatus(uri, token));

    String renewed =
        http.ok(org, org.adminToken(), "ALTER SECURITY INTEGRATION entra RENEW TOKEN")
            .column("Token")
            .get(0);
    assertEquals(401, scimStatus(uri, token), "the old token stops working at once");
    assertEquals(200, scimStatus(uri, renewed));

    http.ok(org, org.adminToken(), "REVOKE ROLE provisioners FROM ROLE entra_runner");
    assertEquals(403, scimStatus(uri, renewed), "the inherited privilege is gone");
    http.ok(org, org.adminToken(), "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE entra_runner");
    assertEquals(200, scimStatus(uri, renewed), "now held directly");
    http.ok(org, org.adminToken(), "REVOKE MANAGE_MEMBERS ON ORGANIZATION FROM ROLE entra_runner");
    assertEquals(403, scimStatus(uri, renewed));
    http.ok(org, org.adminToken(), "DROP SECURITY INTEGRATION entra");
    assertEquals(401, scimStatus(uri, renewed));
  }

  @Test
  void theDatabaseHoldsOnlyTheHashAndListingsNeverShowTokens() throws Exception {
    String token = create("okta").column("Token").get(0);
    Reply list = http.ok(org, org.adminToken(), "LIST SECURITY INTEGRATIONS");
    assertEquals(List.of("okta"), list.column("Name"));
    assertEquals(List.of("scim"), list.column("Type"));
    assertFalse(list.body().contains(token));
    Reply describe = http.ok(org, org.adminToken(), "DESCRIBE SECURITY INTEGRATION okta");
    assertFalse(describe.body().contains(token));

    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT * FROM security_integrations WHERE org_id = ?")) {
      query.setString(1, org.id());
      try (ResultSet rows = query.executeQuery()) {
        ResultSetMetaData meta = rows.getMetaData();
        assertTrue(rows.next());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          values.add(String.valueOf(rows.getObject(i)));
        }
        assertEquals(Secrets.hash(token), rows.getString("token_hash"));
      }
    }
    assertFalse(
        values.stream().anyMatch(v -> v.contains(token.substring("rc_scim_".length()))),
        values.toString());
  }

  @Test
  void textOutputOfCreateFollowsTheSeedLayout() {
    Reply text =
        http.send(
            "POST",
            "api/v1/organizations/" + org.id() + "/statements",
            org.adminToken(),
            "text/plain",
            "text/plain",
            "CREATE SECURITY INTEGRATION \"okta\" WITH ( 'type' = SCIM, 'scim.client' = OKTA, 'scim.run_as_role' = okta_skim_provisioner );");
    assertEquals(200, text.status(), text.body());
    String[] lines = text.body().split("\n");
    assertEquals(6, lines.length, text.body());
    assertTrue(
        lines[1].matches(
            "\\|  Type +\\|  Name \\|  Command \\|  Summary +\\|  Token +\\|  Uri +\\|  Expires At +\\|"),
        lines[1]);
    assertTrue(
        lines[3].startsWith(
            "| security integration | okta  | CREATE   | security integration okta was            | rc_scim_"),
        lines[3]);
    assertTrue(
        lines[4].startsWith(
            "|                      |       |          | successfully created                     |"),
        lines[4]);
    assertTrue(lines[3].endsWith(" +0000 UTC |"), lines[3]);
    assertEquals(lines[0], lines[5]);
  }
}
