package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The provisioning log, the audit trail and request ids over HTTP: what LIST PROVISIONING EVENTS
 * and LIST AUDIT EVENTS show, to whom, and that every answer carries its {@code X-Request-Id}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivityLogIT {
  private static final String PROVISIONING_COLUMNS =
      "[\"Time\",\"Integration\",\"Operation\",\"Resource\",\"Target\",\"Status\",\"Detail\","
          + "\"Request Id\"]";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Fixture fixture;
  Organization org;

  @BeforeEach
  void organization() {
    http = Http.at(base);
    fixture = http.oktaFixture("Activity", "admin@activity.example");
    org = fixture.org();
  }

  private Reply scim(String method, String path, String body, String requestId) {
    return http.send(
        method,
        "scim/v2/" + org.id() + path,
        fixture.scimToken(),
        body == null ? null : "application/scim+json",
        "application/scim+json",
        body,
        Map.of("X-Request-Id", requestId));
  }

  private static String newId(String what) {
    return what + "-" + UUID.randomUUID();
  }

  /** The rows of a statement's answer as column name to value maps. */
  private static List<Map<String, String>> rows(Reply reply) {
    List<String> columns =
        reply.json().getJsonArray("columns").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < reply.rows().size(); i++) {
      Map<String, String> row = new java.util.HashMap<>();
      for (String column : columns) {
        row.put(column, reply.column(column).get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, String>> provisioningEvents(String statement) {
    return rows(http.ok(org, org.adminToken(), statement));
  }

  private static Map<String, String> withRequestId(List<Map<String, String>> rows, String id) {
    return rows.stream()
        .filter(row -> id.equals(row.get("Request Id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event with request id " + id + " in " + rows));
  }

  // --- request ids

  @Test
  void everyAnswerCarriesARequestIdKeepingAWellFormedOneAndReplacingOthers() {
    // refused before anything else runs, and a path nothing serves
    Reply refused = http.send("GET", "api/v1/organizations/" + org.id(), null, null, null, null);
    assertEquals(401, refused.status());
    assertTrue(refused.header("X-Request-Id").isPresent());
    Reply nowhere = http.send("GET", "api/v1/nowhere", null, null, null, null);
    assertTrue(nowhere.header("X-Request-Id").isPresent(), nowhere.status() + " " + nowhere.body());

    String mine = newId("client.trace:1");
    Reply kept =
        http.send(
            "GET",
            "scim/v2/" + org.id() + "/Users",
            fixture.scimToken(),
            null,
            null,
            null,
            Map.of("X-Request-Id", mine));
    assertEquals(mine, kept.header("X-Request-Id").orElseThrow());

    for (String bad : List.of("has spaces", "x".repeat(65), "semi;colon")) {
      Reply replaced =
          http.send("GET", "api/v1/nowhere", null, null, null, null, Map.of("X-Request-Id", bad));
      String given = replaced.header("X-Request-Id").orElseThrow();
      assertNotEquals(bad, given);
      UUID.fromString(given);
    }
    String first =
        http.send("GET", "api/v1/nowhere", null, null, null, null)
            .header("X-Request-Id")
            .orElseThrow();
    String second =
        http.send("GET", "api/v1/nowhere", null, null, null, null)
            .header("X-Request-Id")
            .orElseThrow();
    assertNotEquals(first, second, "each request gets its own");
  }

  @Test
  void errorBodiesEndTheirDetailOrMessageWithTheRequestId() {
    String scimId = newId("scim-404");
    Reply scimError = scim("GET", "/Users/" + UUID.randomUUID(), null, scimId);
    assertEquals(404, scimError.status(), scimError.body());
    assertTrue(
        scimError.json().getString("detail").endsWith(" (request id " + scimId + ")"),
        scimError.body());
    assertEquals("404", scimError.json().getString("status"));

    String apiId = newId("api-404");
    Reply apiError =
        http.send(
            "POST",
            "api/v1/organizations/" + org.id() + "/statements",
            org.adminToken(),
            "text/plain",
            "application/json",
            "DESCRIBE ROLE nothing_here",
            Map.of("X-Request-Id", apiId));
    assertEquals(404, apiError.status(), apiError.body());
    assertEquals("not_found", apiError.json().getString("error"));
    assertTrue(
        apiError.json().getString("message").endsWith(" (request id " + apiId + ")"),
        apiError.body());
    assertEquals(apiId, apiError.header("X-Request-Id").orElseThrow());
  }

  // --- the provisioning log

  @Test
  void aSuccessfulAndAFailedCreateAreListedNewestFirstWithOutcomeAndRequestId() {
    String created = newId("create-ok");
    Reply ok = scim("POST", "/Users", "{\"userName\":\"ada@activity.example\"}", created);
    assertEquals(201, ok.status(), ok.body());
    String userId = ok.json().getString("id");
    String clashed = newId("create-409");
    Reply clash = scim("POST", "/Users", "{\"userName\":\"ada@activity.example\"}", clashed);
    assertEquals(409, clash.status(), clash.body());
    // a successful read is not recorded
    String read = newId("read");
    assertEquals(200, scim("GET", "/Users/" + userId, null, read).status());

    Reply listed = http.ok(org, org.adminToken(), "LIST PROVISIONING EVENTS");
    assertEquals(PROVISIONING_COLUMNS, listed.json().getJsonArray("columns").toString());
    List<Map<String, String>> events = rows(listed);
    Map<String, String> success = withRequestId(events, created);
    assertEquals("okta", success.get("Integration"));
    assertEquals("create", success.get("Operation"));
    assertEquals("User " + userId, success.get("Resource"));
    assertEquals("ada@activity.example", success.get("Target"));
    assertEquals("201", success.get("Status"));
    assertNotNull(success.get("Time"));

    Map<String, String> failure = withRequestId(events, clashed);
    assertEquals("create", failure.get("Operation"));
    assertEquals("User", failure.get("Resource"));
    assertEquals("ada@activity.example", failure.get("Target"));
    assertEquals("409 uniqueness", failure.get("Status"));
    assertTrue(failure.get("Detail").contains("ada@activity.example"), failure.toString());
    assertFalse(failure.get("Detail").contains("request id"), "the detail as the error gave it");

    assertTrue(events.indexOf(failure) < events.indexOf(success), "newest first: " + events);
    assertTrue(events.stream().noneMatch(row -> read.equals(row.get("Request Id"))));
    assertFalse(listed.body().contains(fixture.scimToken()));

    List<Map<String, String>> one = provisioningEvents("LIST PROVISIONING EVENTS LIMIT 1");
    assertEquals(1, one.size());
    assertEquals(clashed, one.get(0).get("Request Id"));

    Reply described = http.ok(org, org.adminToken(), "DESCRIBE SECURITY INTEGRATION okta");
    assertEquals(
        List.of("Owner", "Last Event At", "Last Error"),
        described.json().getJsonArray("columns").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList()
            .subList(10, 13),
        "appended after the existing columns");
    assertEquals(failure.get("Time"), described.column("Last Event At").get(0));
    String lastError = described.column("Last Error").get(0);
    assertTrue(lastError.startsWith("409 uniqueness: "), lastError);
    assertTrue(lastError.contains(clashed), lastError);
  }

  @Test
  void changesOfEveryKindAndBulkAreRecordedPerIntegration() {
    String id =
        scim("POST", "/Users", "{\"userName\":\"bob@activity.example\"}", newId("c"))
            .json()
            .getString("id");
    String replace = newId("put");
    assertEquals(
        200,
        scim(
                "PUT",
                "/Users/" + id,
                "{\"userName\":\"bob@activity.example\",\"title\":\"Engineer\"}",
                replace)
            .status());
    String patch = newId("patch");
    assertEquals(
        200,
        scim(
                "PATCH",
                "/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]}",
                patch)
            .status());
    String bulk = newId("bulk");
    Reply bulkReply =
        scim(
            "POST",
            "/Bulk",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\","
                + "\"data\":{\"userName\":\"carol@activity.example\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b\","
                + "\"data\":{\"userName\":\"bob@activity.example\"}}]}",
            bulk);
    assertEquals(200, bulkReply.status(), bulkReply.body());
    String delete = newId("delete");
    assertEquals(204, scim("DELETE", "/Users/" + id, null, delete).status());

    // a second integration's events are listed apart
    http.provisioningRole(org, "entra_provisioner");
    String entraToken = http.integration(org, "ENTRA_ID", "entra_provisioner", "");
    String entraCall = newId("entra");
    Reply entra =
        http.send(
            "POST",
            "scim/v2/" + org.id() + "/Groups",
            entraToken,
            "application/scim+json",
            "application/scim+json",
            "{\"displayName\":\"Engineers\"}",
            Map.of("X-Request-Id", entraCall));
    assertEquals(201, entra.status(), entra.body());

    List<Map<String, String>> okta =
        provisioningEvents("LIST PROVISIONING EVENTS FOR SECURITY INTEGRATION okta LIMIT 1000");
    assertEquals("replace", withRequestId(okta, replace).get("Operation"));
    assertEquals("User " + id, withRequestId(okta, replace).get("Resource"));
    assertEquals("patch", withRequestId(okta, patch).get("Operation"));
    Map<String, String> bulkEvent = withRequestId(okta, bulk);
    assertEquals("bulk", bulkEvent.get("Operation"));
    assertEquals("200", bulkEvent.get("Status"));
    assertEquals("2 operations, 1 failed", bulkEvent.get("Detail"));
    assertEquals("delete", withRequestId(okta, delete).get("Operation"));
    assertEquals("204", withRequestId(okta, delete).get("Status"));
    assertEquals("bob@activity.example", withRequestId(okta, delete).get("Target"));
    assertTrue(okta.stream().allMatch(row -> "okta".equals(row.get("Integration"))));
    assertTrue(okta.stream().noneMatch(row -> entraCall.equals(row.get("Request Id"))));

    Map<String, String> group =
        withRequestId(
            provisioningEvents("LIST PROVISIONING EVENTS FOR SECURITY INTEGRATION entra"),
            entraCall);
    assertEquals("entra", group.get("Integration"));
    assertEquals("Engineers", group.get("Target"));
    assertTrue(group.get("Resource").startsWith("Group "), group.toString());

    Reply unknown =
        http.statement(
            org, org.adminToken(), "LIST PROVISIONING EVENTS FOR SECURITY INTEGRATION nope");
    assertEquals(404, unknown.status(), unknown.body());
  }

  @Test
  void eachWriteLeavesOneEventAndAFailedOneOnlyItsFailure() {
    String created = newId("one-create");
    Reply gus = scim("POST", "/Users", "{\"userName\":\"gus@activity.example\"}", created);
    assertEquals(201, gus.status(), gus.body());
    String gusId = gus.json().getString("id");
    assertEquals(
        201,
        scim("POST", "/Users", "{\"userName\":\"hal@activity.example\"}", newId("c")).status());
    String clashingCreate = newId("one-create-409");
    assertEquals(
        409,
        scim("POST", "/Users", "{\"userName\":\"gus@activity.example\"}", clashingCreate).status());
    String clashingRename = newId("one-put-409");
    Reply rename =
        scim(
            "PUT",
            "/Users/" + gusId,
            "{\"userName\":\"hal@activity.example\",\"title\":\"Renamed\"}",
            clashingRename);
    assertEquals(409, rename.status(), rename.body());
    String groupCreated = newId("one-group");
    Reply group = scim("POST", "/Groups", "{\"displayName\":\"Once\"}", groupCreated);
    assertEquals(201, group.status(), group.body());
    String groupId = group.json().getString("id");
    String patched = newId("one-patch");
    assertEquals(
        204,
        scim(
                "PATCH",
                "/Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + gusId
                    + "\"}]}]}",
                patched)
            .status());
    String deleted = newId("one-delete");
    assertEquals(204, scim("DELETE", "/Groups/" + groupId, null, deleted).status());

    List<Map<String, String>> events = provisioningEvents("LIST PROVISIONING EVENTS LIMIT 1000");
    for (String requestId :
        List.of(created, clashingCreate, clashingRename, groupCreated, patched, deleted)) {
      assertEquals(
          1,
          events.stream().filter(row -> requestId.equals(row.get("Request Id"))).count(),
          "one event for " + requestId + " in " + events);
    }
    assertEquals("201", withRequestId(events, created).get("Status"));
    assertEquals("409 uniqueness", withRequestId(events, clashingCreate).get("Status"));
    Map<String, String> failedRename = withRequestId(events, clashingRename);
    assertEquals("replace", failedRename.get("Operation"));
    assertEquals("User " + gusId, failedRename.get("Resource"));
    assertEquals("409 uniqueness", failedRename.get("Status"));
    assertEquals("204", withRequestId(events, patched).get("Status"));
    assertEquals("204", withRequestId(events, deleted).get("Status"));
    // a PATCH answered 204 and a DELETE name what they changed, though no body did
    assertEquals("Once", withRequestId(events, patched).get("Target"));
    assertEquals("Once", withRequestId(events, deleted).get("Target"));
    // the failed replacement changed nothing
    Reply after = scim("GET", "/Users/" + gusId, null, newId("read"));
    assertEquals("gus@activity.example", after.json().getString("userName"));
    assertFalse(after.json().containsKey("title"), after.body());
  }

  @Test
  void refusedCallsAreRecordedOnlyForAKnownIntegration() {
    http.ok(
        org,
        org.adminToken(),
        "REVOKE MANAGE_MEMBERS ON ORGANIZATION FROM ROLE okta_skim_provisioner");
    String forbidden = newId("forbidden");
    Reply refused = scim("GET", "/Users", null, forbidden);
    assertEquals(403, refused.status(), refused.body());
    String guessed = newId("guessed");
    Reply unknownToken =
        http.send(
            "GET",
            "scim/v2/" + org.id() + "/Users",
            "rc_scim_guessed",
            null,
            null,
            null,
            Map.of("X-Request-Id", guessed));
    assertEquals(401, unknownToken.status());

    List<Map<String, String>> events = provisioningEvents("LIST PROVISIONING EVENTS");
    Map<String, String> event = withRequestId(events, forbidden);
    assertEquals("okta", event.get("Integration"));
    assertEquals("read", event.get("Operation"));
    assertEquals("403", event.get("Status"));
    assertTrue(event.get("Detail").contains("MANAGE_MEMBERS"), event.toString());
    assertTrue(events.stream().noneMatch(row -> guessed.equals(row.get("Request Id"))));
  }

  @Test
  void anOrganizationNeverSeesAnotherOrganizationsEvents() {
    String mine = newId("mine");
    assertEquals(
        201, scim("POST", "/Users", "{\"userName\":\"dan@activity.example\"}", mine).status());
    Fixture other = http.oktaFixture("Other", "admin@other.example");
    String theirs = newId("theirs");
    Reply theirCall =
        http.send(
            "POST",
            "scim/v2/" + other.org().id() + "/Users",
            other.scimToken(),
            "application/scim+json",
            "application/scim+json",
            "{\"userName\":\"eve@other.example\"}",
            Map.of("X-Request-Id", theirs));
    assertEquals(201, theirCall.status());

    Reply ours = http.ok(org, org.adminToken(), "LIST PROVISIONING EVENTS LIMIT 1000");
    assertTrue(ours.body().contains(mine));
    assertFalse(ours.body().contains(theirs), ours.body());
    assertFalse(ours.body().contains("eve@other.example"));
    Reply their = http.ok(other.org(), other.adminToken(), "LIST PROVISIONING EVENTS LIMIT 1000");
    assertTrue(their.body().contains(theirs));
    assertFalse(their.body().contains(mine), their.body());

    Reply ourAudit = http.ok(org, org.adminToken(), "LIST AUDIT EVENTS LIMIT 1000");
    assertFalse(ourAudit.body().contains("admin@other.example"), ourAudit.body());
    Reply theirAudit = http.ok(other.org(), other.adminToken(), "LIST AUDIT EVENTS LIMIT 1000");
    assertFalse(theirAudit.body().contains("admin@activity.example"), theirAudit.body());
  }

  @Test
  void readingTheLogsNeedsManageMembersAndManageGrants() {
    http.ok(org, org.adminToken(), "INVITE USER 'reader@activity.example'");
    String token =
        http.ok(
                org,
                org.adminToken(),
                "CREATE API_TOKEN reader WITH ('user' = 'reader@activity.example')")
            .column("Token")
            .get(0);
    assertEquals(403, http.statement(org, token, "LIST PROVISIONING EVENTS").status());
    assertEquals(403, http.statement(org, token, "LIST AUDIT EVENTS").status());

    http.ok(org, org.adminToken(), "CREATE ROLE member_managers");
    http.ok(org, org.adminToken(), "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE member_managers");
    http.ok(org, org.adminToken(), "GRANT ROLE member_managers TO USER 'reader@activity.example'");
    assertEquals(200, http.statement(org, token, "LIST PROVISIONING EVENTS").status());
    Reply audit = http.statement(org, token, "LIST AUDIT EVENTS");
    assertEquals(403, audit.status(), "MANAGE_MEMBERS is not MANAGE_GRANTS: " + audit.body());
  }

  // --- the audit trail

  @Test
  void everyKindOfAccessChangeLeavesOneRowWithItsActorAndNoSecretAndReadsLeaveNone() {
    String admin = "admin@activity.example";
    List<String> changes =
        List.of(
            "CREATE ROLE auditors",
            "GRANT MANAGE_GRANTS ON ORGANIZATION TO ROLE auditors",
            "REVOKE MANAGE_GRANTS ON ORGANIZATION FROM ROLE auditors",
            "GRANT ROLE auditors TO ROLE okta_skim_provisioner",
            "REVOKE ROLE auditors FROM ROLE okta_skim_provisioner",
            "INVITE USER 'fay@activity.example'",
            "GRANT ROLE auditors TO USER 'fay@activity.example'",
            "REVOKE ROLE auditors FROM USER 'fay@activity.example'",
            "ALTER USER 'fay@activity.example' SET ACTIVE = FALSE",
            "CREATE API_TOKEN mine",
            "DROP API_TOKEN mine",
            "CREATE SECURITY INTEGRATION generic WITH ('type' = SCIM, 'scim.client' = GENERIC,"
                + " 'scim.run_as_role' = okta_skim_provisioner)",
            "ALTER SECURITY INTEGRATION generic RENEW TOKEN",
            "DROP SECURITY INTEGRATION generic",
            "DROP USER 'fay@activity.example'",
            "DROP ROLE auditors");
    List<String> expectedActions =
        List.of(
            "CREATE ROLE",
            "GRANT PRIVILEGES",
            "REVOKE PRIVILEGES",
            "GRANT ROLE",
            "REVOKE ROLE",
            "INVITE USER",
            "GRANT ROLE",
            "REVOKE ROLE",
            "ALTER USER",
            "CREATE API_TOKEN",
            "DROP API_TOKEN",
            "CREATE SECURITY INTEGRATION",
            "ALTER SECURITY INTEGRATION",
            "DROP SECURITY INTEGRATION",
            "DROP USER",
            "DROP ROLE");
    int before = rows(http.ok(org, org.adminToken(), "LIST AUDIT EVENTS LIMIT 1000")).size();
    List<String> secrets = new ArrayList<>();
    List<String> requestIds = new ArrayList<>();
    for (String change : changes) {
      String requestId = newId("change");
      requestIds.add(requestId);
      Reply reply =
          http.send(
              "POST",
              "api/v1/organizations/" + org.id() + "/statements",
              org.adminToken(),
              "text/plain",
              "application/json",
              change,
              Map.of("X-Request-Id", requestId));
      assertEquals(200, reply.status(), change + ": " + reply.body());
      if (reply.body().contains("\"Token\"")) {
        secrets.add(reply.column("Token").get(0));
      }
    }
    assertEquals(3, secrets.size(), "the API token and the integration's two tokens");

    for (String read :
        List.of(
            "LIST ROLES",
            "DESCRIBE ROLE orgadmin",
            "LIST USERS",
            "DESCRIBE USER '" + admin + "'",
            "CAN I MANAGE_GRANTS ON ORGANIZATION",
            "LIST API_TOKENS",
            "LIST SECURITY INTEGRATIONS",
            "DESCRIBE SECURITY INTEGRATION okta",
            "LIST PROVISIONING EVENTS",
            "LIST AUDIT EVENTS")) {
      http.ok(org, org.adminToken(), read);
    }

    Reply listed = http.ok(org, org.adminToken(), "LIST AUDIT EVENTS LIMIT 1000");
    assertEquals(
        "[\"Time\",\"Actor\",\"Action\",\"Statement\",\"Outcome\",\"Request Id\"]",
        listed.json().getJsonArray("columns").toString());
    List<Map<String, String>> events = rows(listed);
    assertEquals(before + changes.size(), events.size(), "one row per change, none for reads");
    for (int i = 0; i < changes.size(); i++) {
      Map<String, String> event = withRequestId(events, requestIds.get(i));
      assertEquals(expectedActions.get(i), event.get("Action"), event.toString());
      assertEquals(changes.get(i), event.get("Statement"));
      assertTrue(event.get("Actor").startsWith(admin + " ("), event.toString());
      assertTrue(event.get("Outcome").contains("successfully"), event.toString());
    }
    for (String secret : secrets) {
      assertFalse(listed.body().contains(secret), "a token in the audit trail");
    }
  }

  @Test
  void theOperatorsCallsAreAuditedAsTheOperator() {
    List<Map<String, String>> events =
        rows(http.ok(org, org.adminToken(), "LIST AUDIT EVENTS LIMIT 1000"));
    Map<String, String> creation =
        events.stream()
            .filter(row -> "CREATE ORGANIZATION".equals(row.get("Action")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no CREATE ORGANIZATION in " + events));
    assertEquals("operator", creation.get("Actor"));
    assertTrue(creation.get("Statement").contains("admin@activity.example"), creation.toString());

    String requestId = newId("recovery");
    Reply recovery =
        http.send(
            "POST",
            "api/v1/organizations/" + org.id() + "/recovery",
            Http.operatorToken(),
            "application/json",
            "application/json",
            "{\"adminEmail\":\"admin@activity.example\"}",
            Map.of("X-Request-Id", requestId));
    assertEquals(200, recovery.status(), recovery.body());
    Reply listed = http.ok(org, recovery.json().getString("adminToken"), "LIST AUDIT EVENTS");
    Map<String, String> recovered = withRequestId(rows(listed), requestId);
    assertEquals("operator", recovered.get("Actor"));
    assertEquals("RECOVER ORGANIZATION", recovered.get("Action"));
    assertEquals(requestId, recovered.get("Request Id"));
    assertFalse(listed.body().contains(recovery.json().getString("adminToken")));
    assertFalse(listed.body().contains(Http.operatorToken()));
  }

  @Test
  void aStatementThatFailsLeavesNoAuditRowAndNoChange() {
    int before = rows(http.ok(org, org.adminToken(), "LIST AUDIT EVENTS LIMIT 1000")).size();
    // INVITE adds the member, then granting the unknown role fails: the whole statement rolls back
    Reply failed =
        http.statement(
            org, org.adminToken(), "INVITE USER 'gus@activity.example' WITH ('role' = missing)");
    assertEquals(404, failed.status(), failed.body());
    assertFalse(http.ok(org, org.adminToken(), "LIST USERS").body().contains("gus@activity"));
    Reply denied = http.statement(org, org.adminToken(), "DROP ROLE orgadmin");
    assertTrue(denied.status() >= 400, denied.body());

    List<Map<String, String>> after =
        rows(http.ok(org, org.adminToken(), "LIST AUDIT EVENTS LIMIT 1000"));
    assertEquals(before, after.size(), "no row for a rolled-back statement: " + after);
  }
}
