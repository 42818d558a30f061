package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import java.net.URL;
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

/** The operator and statement APIs over HTTP, as a newcomer following the README uses them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatementApiIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;

  @BeforeEach
  void organization() throws Exception {
    http = Http.at(base);
    org = http.createOrganization("Acme " + UUID.randomUUID(), "admin@acme.example");
  }

  @Test
  void operatorCreatesAnOrganizationWithBuiltInRolesAndAnAdmin() {
    assertTrue(org.adminToken().startsWith("rc_api_"));
    Reply roles = http.ok(org, org.adminToken(), "LIST ROLES;");
    assertEquals(
        List.of("orgadmin", "public", "securityadmin", "sysadmin", "useradmin"),
        roles.column("Name"));
    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    assertEquals(List.of("admin@acme.example"), users.column("Email"));
    assertEquals(List.of("orgadmin"), users.column("Roles"));
    assertEquals(List.of("true"), users.column("Active"));
  }

  @Test
  void operatorApiRefusesBadTokensAndBadBodies() {
    String path = "api/v1/organizations";
    assertEquals(401, http.send("POST", path, "wrong", "application/json", null, "{}").status());
    assertEquals(401, http.send("POST", path, null, "application/json", null, "{}").status());

    Reply notJson =
        http.send("POST", path, Http.operatorToken(), "application/json", null, "{name:");
    assertEquals(400, notJson.status());
    assertTrue(notJson.json().getString("message").contains("not valid JSON"), notJson.body());

    Reply missing =
        http.send("POST", path, Http.operatorToken(), "application/json", null, "{\"name\":\"x\"}");
    assertEquals(400, missing.status());
    assertTrue(missing.json().getString("message").contains("adminEmail"), missing.body());

    Reply wrongType =
        http.send(
            "POST",
            path,
            Http.operatorToken(),
            "application/json",
            null,
            "{\"name\":42,\"adminEmail\":\"a@b.c\"}");
    assertEquals(400, wrongType.status());
    assertTrue(wrongType.json().getString("message").contains("'name'"), wrongType.body());
  }

  @Test
  void textPlainGivesTheBoxedTable() {
    Reply text =
        http.send(
            "POST",
            "api/v1/organizations/" + org.id() + "/statements",
            org.adminToken(),
            "text/plain",
            "text/plain",
            "LIST ROLES;");
    assertEquals(200, text.status());
    String[] lines = text.body().split("\n");
    assertTrue(lines[0].startsWith("+--"), text.body());
    assertTrue(lines[1].startsWith("|  Name "), text.body());
    assertTrue(lines[2].startsWith("+==") && lines[2].endsWith("+"), text.body());
    assertTrue(text.body().contains("| orgadmin "), text.body());
  }

  @Test
  void syntaxErrorsNameThePositionAndWhatWasExpected() {
    Reply reply = http.statement(org, org.adminToken(), "CREATE ROLL analysts");
    assertEquals(400, reply.status());
    var json = reply.json();
    assertEquals(1, json.getInt("line"));
    assertEquals(8, json.getInt("column"));
    assertTrue(json.getString("message").contains("expected ROLE"), reply.body());
    assertTrue(json.getString("message").contains("ROLL"), reply.body());
  }

  @Test
  void requestsWithoutAValidTokenAreRefused() {
    assertEquals(401, http.statement(org, null, "LIST ROLES").status());
    assertEquals(401, http.statement(org, "rc_api_nope", "LIST ROLES").status());
    Organization other = http.createOrganization("Other " + UUID.randomUUID(), "a@other.example");
    Reply crossTenant = http.statement(org, other.adminToken(), "LIST ROLES");
    assertEquals(401, crossTenant.status());
    assertEquals("Bearer", crossTenant.header("WWW-Authenticate").orElse(null));
  }

  @Test
  void rolesUsersAndGrantsThroughTheHierarchy() {
    String admin = org.adminToken();
    http.ok(org, admin, "CREATE ROLE analysts");
    assertEquals(409, http.statement(org, admin, "CREATE ROLE analysts").status());
    http.ok(org, admin, "CREATE ROLE IF NOT EXISTS analysts");
    assertEquals(404, http.statement(org, admin, "DROP ROLE nosuch").status());
    assertEquals(400, http.statement(org, admin, "CREATE ROLE \"OrgAdmin\"").status());

    http.ok(org, admin, "INVITE USER 'bob@acme.example'");
    assertEquals(409, http.statement(org, admin, "INVITE USER 'BOB@acme.example'").status());
    String bob =
        http.ok(org, admin, "CREATE API_TOKEN bobs WITH ('user' = 'bob@acme.example')")
            .column("Token")
            .get(0);

    assertEquals(
        List.of("false"),
        http.ok(org, bob, "CAN I MANAGE_MEMBERS ON ORGANIZATION").column("Allowed"));
    Reply denied = http.statement(org, bob, "CREATE ROLE bobs_role");
    assertEquals(403, denied.status());
    assertTrue(denied.json().getString("message").contains("MANAGE_MEMBERS"), denied.body());

    // bob -> analysts -> (seniors is granted analysts? no:) analysts holds nothing; seniors holds
    // it
    http.ok(org, admin, "CREATE ROLE seniors");
    http.ok(org, admin, "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE seniors");
    http.ok(org, admin, "GRANT ROLE seniors TO ROLE analysts");
    http.ok(org, admin, "GRANT ROLE analysts TO USER 'bob@acme.example'");
    assertEquals(
        List.of("true"),
        http.ok(org, bob, "CAN I MANAGE_MEMBERS ON ORGANIZATION").column("Allowed"));
    assertEquals(
        List.of("false"),
        http.ok(org, bob, "CAN I MANAGE_GRANTS ON ORGANIZATION").column("Allowed"));
    http.ok(org, bob, "CREATE ROLE bobs_role");

    Reply cycle = http.statement(org, admin, "GRANT ROLE analysts TO ROLE seniors");
    assertEquals(400, cycle.status());
    assertTrue(cycle.json().getString("message").contains("cycle"), cycle.body());

    Reply users = http.ok(org, admin, "LIST USERS");
    int bobRow = users.column("Email").indexOf("bob@acme.example");
    assertEquals("analysts", users.column("Roles").get(bobRow));

    // a member who holds MANAGE_MEMBERS but not orgadmin cannot hand out orgadmin
    assertEquals(
        403, http.statement(org, bob, "GRANT ROLE orgadmin TO USER 'bob@acme.example'").status());

    http.ok(org, admin, "REVOKE MANAGE_MEMBERS ON ORGANIZATION FROM ROLE seniors");
    assertEquals(
        List.of("false"),
        http.ok(org, bob, "CAN I MANAGE_MEMBERS ON ORGANIZATION").column("Allowed"));

    http.ok(org, admin, "DROP USER 'bob@acme.example'");
    assertEquals(401, http.statement(org, bob, "LIST ROLES").status());
    assertFalse(http.ok(org, admin, "LIST USERS").column("Email").contains("bob@acme.example"));
  }

  @Test
  void aFailedStatementChangesNothing() {
    Reply failed =
        http.statement(
            org, org.adminToken(), "INVITE USER 'carol@acme.example' WITH ('role' = nosuch)");
    assertEquals(404, failed.status());
    assertTrue(failed.json().getString("message").contains("nosuch"), failed.body());
    assertFalse(
        http.ok(org, org.adminToken(), "LIST USERS").column("Email").contains("carol@acme.example"),
        "the invitation was rolled back with the failed grant");
  }

  @Test
  void apiTokensAreShownOnceAndCanBeDropped() {
    String admin = org.adminToken();
    Reply created = http.ok(org, admin, "CREATE API_TOKEN ci WITH ('expires_in' = 'P30D')");
    String token = created.column("Token").get(0);
    assertTrue(token.startsWith("rc_api_"));
    Reply listed = http.ok(org, admin, "LIST API_TOKENS");
    assertEquals(List.of("admin", "ci"), listed.column("Name"));
    assertFalse(listed.body().contains(token), "LIST API_TOKENS must never show a token");
    http.ok(org, token, "LIST ROLES");
    http.ok(org, admin, "DROP API_TOKEN ci");
    assertEquals(401, http.statement(org, token, "LIST ROLES").status());
    assertEquals(
        400,
        http.statement(org, admin, "CREATE API_TOKEN x WITH ('expires_in' = 'soon')").status());
    assertEquals(
        400, http.statement(org, admin, "CREATE API_TOKEN x WITH ('colour' = 'red')").status());
  }
}
