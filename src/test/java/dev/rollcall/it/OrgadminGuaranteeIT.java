package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.json.Json;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every organization keeps at least one active orgadmin, whichever statement or SCIM call tries to
 * take the last one away, also when two arrive at once; the operator's recovery call is the last
 * resort.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrgadminGuaranteeIT {
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final int RACES = 15;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  ExecutorService pool;

  @BeforeEach
  void organization() throws Exception {
    http = Http.at(base);
    org = http.createOrganization("Guard " + UUID.randomUUID(), "admin@guard.example");
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void scimCannotDeactivateDemoteOrDeleteTheOnlyOrgadmin() {
    String scim = http.oktaIntegration(org);
    String admin = adopt(scim, "admin@guard.example");

    Reply deactivate = http.scim(org, scim, "PATCH", "/Users/" + admin, replace("active", "false"));
    assertEquals(400, deactivate.status(), deactivate.body());
    assertTrue(deactivate.body().contains("at least one active orgadmin"), deactivate.body());
    Reply demote = http.scim(org, scim, "PATCH", "/Users/" + admin, replace("orgadmin", "false"));
    assertEquals(400, demote.status(), demote.body());
    Reply put =
        http.scim(
            org,
            scim,
            "PUT",
            "/Users/" + admin,
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\"admin@guard.example\",\"active\":false}");
    assertEquals(400, put.status(), put.body());
    Reply delete = http.scim(org, scim, "DELETE", "/Users/" + admin, null);
    assertEquals(400, delete.status(), delete.body());

    // nothing changed: the admin still manages the organization
    Reply users = http.ok(org, org.adminToken(), "DESCRIBE USER 'admin@guard.example'");
    assertEquals(List.of("true"), users.column("Active"));
    assertEquals(List.of("orgadmin"), users.column("Roles"));
  }

  @Test
  void scimMayDeactivateAnOrgadminWhileAnotherRemains() {
    String bobToken = secondOrgadmin("bob@guard.example");
    String scim = http.oktaIntegration(org);
    String admin = adopt(scim, "admin@guard.example");
    String bob = adopt(scim, "bob@guard.example");

    Reply first = http.scim(org, scim, "PATCH", "/Users/" + bob, replace("active", "false"));
    assertEquals(200, first.status(), first.body());
    assertEquals(401, http.statement(org, bobToken, "LIST ROLES").status());
    Reply second = http.scim(org, scim, "PATCH", "/Users/" + admin, replace("active", "false"));
    assertEquals(400, second.status(), second.body());
    http.ok(org, org.adminToken(), "LIST ROLES");
  }

  @Test
  void statementsCannotTakeTheLastOrgadminAwayEvenThroughInheritedRoles() {
    Reply selfRevoke =
        http.statement(
            org, org.adminToken(), "REVOKE ROLE orgadmin FROM USER 'admin@guard.example'");
    assertEquals(400, selfRevoke.status(), selfRevoke.body());

    // bob holds orgadmin only through role admins
    http.ok(org, org.adminToken(), "INVITE USER 'bob@guard.example'");
    http.ok(org, org.adminToken(), "CREATE ROLE admins");
    http.ok(org, org.adminToken(), "GRANT ROLE orgadmin TO ROLE admins");
    http.ok(org, org.adminToken(), "GRANT ROLE admins TO USER 'bob@guard.example'");
    String bob = token("bob@guard.example");
    http.ok(org, bob, "REVOKE ROLE orgadmin FROM USER 'admin@guard.example'");

    for (String last :
        List.of(
            "REVOKE ROLE orgadmin FROM ROLE admins",
            "REVOKE ROLE admins FROM USER 'bob@guard.example'",
            "DROP ROLE admins")) {
      Reply refused = http.statement(org, bob, last);
      assertEquals(400, refused.status(), last + ": " + refused.body());
      assertTrue(refused.body().contains("active orgadmin"), refused.body());
    }
    assertEquals(
        List.of("true"),
        http.ok(org, bob, "CAN I MANAGE_GRANTS ON ORGANIZATION").column("Allowed"));

    // with a second orgadmin again, the same statements go through
    http.ok(org, bob, "GRANT ROLE orgadmin TO USER 'admin@guard.example'");
    http.ok(org, bob, "REVOKE ROLE orgadmin FROM ROLE admins");
  }

  @Test
  void scimCannotTakeTheLastOrgadminOutOfAGroupThatCarriesIt() {
    String scim = http.oktaIntegration(org);
    String bob = adopt(scim, "bob@guard.example");
    Reply group =
        http.scim(
            org,
            scim,
            "POST",
            "/Groups",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Admins\",\"members\":[{\"value\":\""
                + bob
                + "\"}]}");
    assertEquals(201, group.status(), group.body());
    String groupId = group.json().getString("id");
    // bob holds orgadmin only through the pushed group, then the admin steps down
    http.ok(org, org.adminToken(), "GRANT ROLE orgadmin TO ROLE \"Admins\"");
    http.ok(org, org.adminToken(), "REVOKE ROLE orgadmin FROM USER 'admin@guard.example'");

    Reply remove =
        http.scim(
            org,
            scim,
            "PATCH",
            "/Groups/" + groupId,
            "{\"schemas\":[\""
                + PATCH
                + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + bob
                + "\\\"]\"}]}");
    assertEquals(400, remove.status(), remove.body());
    assertTrue(remove.body().contains("active orgadmin"), remove.body());
    Reply delete = http.scim(org, scim, "DELETE", "/Groups/" + groupId, null);
    assertEquals(400, delete.status(), delete.body());
    assertEquals(
        List.of("Admins"),
        http.ok(org, org.adminToken(), "DESCRIBE USER 'bob@guard.example'").column("Roles"),
        "bob is still in the group");
  }

  @Test
  void alterUserDeactivatesAndReactivatesMembersNoIntegrationManages() {
    String bobToken = secondOrgadmin("bob@guard.example");
    Reply off = http.ok(org, org.adminToken(), "ALTER USER 'bob@guard.example' SET ACTIVE = FALSE");
    assertEquals(
        List.of("user bob@guard.example was successfully deactivated"), off.column("Summary"));
    assertEquals(401, http.statement(org, bobToken, "LIST ROLES").status());
    assertEquals(
        List.of("false"),
        http.ok(org, org.adminToken(), "DESCRIBE USER 'bob@guard.example'").column("Active"));
    http.ok(org, org.adminToken(), "ALTER USER 'bob@guard.example' SET ACTIVE = TRUE");
    assertEquals(200, http.statement(org, bobToken, "LIST ROLES").status());

    Reply self = http.statement(org, bobToken, "ALTER USER 'bob@guard.example' SET ACTIVE = FALSE");
    assertEquals(400, self.status(), self.body());

    // a member an integration manages is the identity provider's to deactivate
    String scim = http.oktaIntegration(org);
    http.scim(org, scim, "POST", "/Users", user("carol@guard.example"));
    Reply managed =
        http.statement(
            org, org.adminToken(), "ALTER USER 'carol@guard.example' SET ACTIVE = FALSE");
    assertEquals(400, managed.status(), managed.body());
    assertTrue(managed.body().contains("identity provider"), managed.body());

    // a useradmin cannot switch off (or on) a member more powerful than themself
    http.ok(org, org.adminToken(), "INVITE USER 'ua@guard.example' WITH ('role' = useradmin)");
    String useradmin = token("ua@guard.example");
    Reply stronger =
        http.statement(org, useradmin, "ALTER USER 'bob@guard.example' SET ACTIVE = FALSE");
    assertEquals(403, stronger.status(), stronger.body());
    assertTrue(stronger.body().contains("orgadmin"), stronger.body());
    assertEquals(200, http.statement(org, bobToken, "LIST ROLES").status());

    // without MANAGE_MEMBERS: 403
    http.ok(org, org.adminToken(), "INVITE USER 'dave@guard.example'");
    Reply denied =
        http.statement(
            org, token("dave@guard.example"), "ALTER USER 'bob@guard.example' SET ACTIVE = FALSE");
    assertEquals(403, denied.status(), denied.body());
  }

  @Test
  void twoOrgadminsRevokingEachOtherAtOnceLeaveOne() throws Exception {
    for (int round = 0; round < RACES; round++) {
      Organization o = http.createOrganization("Race " + UUID.randomUUID(), "a@race.example");
      http.ok(o, o.adminToken(), "INVITE USER 'b@race.example' WITH ('role' = orgadmin)");
      String b =
          http.ok(o, o.adminToken(), "CREATE API_TOKEN b WITH ('user' = 'b@race.example')")
              .column("Token")
              .get(0);
      List<Integer> statuses =
          race(
              () ->
                  http.statement(
                          o, o.adminToken(), "REVOKE ROLE orgadmin FROM USER 'b@race.example'")
                      .status(),
              () ->
                  http.statement(o, b, "REVOKE ROLE orgadmin FROM USER 'a@race.example'").status());
      // the loser is refused: 400 when it passed the privilege check before the winner committed,
      // 403 when it no longer held orgadmin by then; never both through, never a 500
      List<Integer> sorted = statuses.stream().sorted().toList();
      assertEquals(200, sorted.get(0), "round " + round + " " + statuses);
      assertTrue(List.of(400, 403).contains(sorted.get(1)), "round " + round + " " + statuses);
      assertEquals(1, orgadmins(o, o.adminToken()), "round " + round);
    }
  }

  @Test
  void twoScimDeactivationsOfTheLastTwoOrgadminsAtOnceLeaveOne() throws Exception {
    for (int round = 0; round < RACES; round++) {
      Organization o = http.createOrganization("Race " + UUID.randomUUID(), "a@race.example");
      http.ok(o, o.adminToken(), "INVITE USER 'b@race.example' WITH ('role' = orgadmin)");
      String scim = http.oktaIntegration(o);
      String a = adopt(o, scim, "a@race.example");
      String b = adopt(o, scim, "b@race.example");
      List<Integer> statuses =
          race(
              () -> http.scim(o, scim, "PATCH", "/Users/" + a, replace("active", "false")).status(),
              () ->
                  http.scim(o, scim, "PATCH", "/Users/" + b, replace("active", "false")).status());
      // the loser is refused: 400 by the guarantee, or 403 when the winner was the integration's
      // owner (an owner who is deactivated hands nothing out and takes nothing away)
      List<Integer> sorted = statuses.stream().sorted().toList();
      assertEquals(200, sorted.get(0), "round " + round + " " + statuses);
      assertTrue(List.of(400, 403).contains(sorted.get(1)), "round " + round + " " + statuses);
      // (a boolean beside the orgadmin subquery once made Derby refuse the whole query)
      Reply left =
          http.scim(
              o,
              scim,
              "GET",
              "/Users?filter=active%20eq%20true%20and%20orgadmin%20eq%20true",
              null);
      assertEquals(200, left.status(), left.body());
      assertEquals(1, left.json().getInt("totalResults"), "round " + round + ": " + left.body());
    }
  }

  @Test
  void operatorRecoveryReactivatesOrCreatesAnOrgadminWithAFreshToken() {
    String bobToken = secondOrgadmin("bob@guard.example");
    http.ok(org, org.adminToken(), "ALTER USER 'bob@guard.example' SET ACTIVE = FALSE");
    http.ok(org, org.adminToken(), "REVOKE ROLE orgadmin FROM USER 'bob@guard.example'");

    Reply recovered = recover(org.id(), "bob@guard.example", Http.operatorToken());
    assertEquals(200, recovered.status(), recovered.body());
    assertEquals("bob@guard.example", recovered.json().getString("userName"));
    assertEquals(false, recovered.json().getBoolean("created"));
    String fresh = recovered.json().getString("adminToken");
    assertTrue(fresh.startsWith("rc_api_"));
    assertEquals(
        List.of("true"),
        http.ok(org, fresh, "CAN I MANAGE_GRANTS ON ORGANIZATION").column("Allowed"));
    assertEquals(200, http.statement(org, bobToken, "LIST ROLES").status(), "reactivated");
    Reply bob = http.ok(org, fresh, "DESCRIBE USER 'bob@guard.example'");
    assertEquals(List.of("operator"), bob.column("Recovered By"));
    assertTrue(bob.column("Recovered At").get(0).endsWith("UTC"));
    assertEquals(List.of("true"), bob.column("Active"));

    Reply created = recover(org.id(), "new@guard.example", Http.operatorToken());
    assertEquals(200, created.status(), created.body());
    assertEquals(true, created.json().getBoolean("created"));
    Reply users = http.ok(org, fresh, "LIST USERS");
    int row = users.column("User Name").indexOf("new@guard.example");
    assertEquals("orgadmin", users.column("Roles").get(row));
    assertEquals("operator", users.column("Recovered By").get(row));

    assertEquals(401, recover(org.id(), "x@guard.example", org.adminToken()).status());
    assertEquals(
        404,
        recover(UUID.randomUUID().toString(), "x@guard.example", Http.operatorToken()).status());
    Reply bad = recover(org.id(), "not an email", Http.operatorToken());
    assertEquals(400, bad.status(), bad.body());
  }

  // ---- helpers

  private Reply recover(String orgId, String email, String bearer) {
    return http.send(
        "POST",
        "api/v1/organizations/" + orgId + "/recovery",
        bearer,
        "application/json",
        "application/json",
        Json.createObjectBuilder().add("adminEmail", email).build().toString());
  }

  /** Invites a member holding orgadmin and returns an API token of theirs. */
  private String secondOrgadmin(String email) {
    http.ok(org, org.adminToken(), "INVITE USER '" + email + "' WITH ('role' = orgadmin)");
    return token(email);
  }

  private String token(String email) {
    return http.ok(
            org,
            org.adminToken(),
            "CREATE API_TOKEN t"
                + UUID.randomUUID().toString().substring(0, 8)
                + " WITH ('user' = '"
                + email
                + "')")
        .column("Token")
        .get(0);
  }

  private long orgadmins(Organization o, String token) {
    Reply users = http.ok(o, token, "LIST USERS");
    List<String> roles = users.column("Roles");
    List<String> active = users.column("Active");
    long count = 0;
    for (int i = 0; i < roles.size(); i++) {
      if (roles.get(i).contains("orgadmin") && active.get(i).equals("true")) {
        count++;
      }
    }
    return count;
  }

  private String adopt(String scim, String userName) {
    return adopt(org, scim, userName);
  }

  /** Pushes the member as Okta would; the existing member is adopted. Returns the SCIM id. */
  private String adopt(Organization o, String scim, String userName) {
    Reply created = http.scim(o, scim, "POST", "/Users", user(userName));
    assertTrue(created.status() == 201 || created.status() == 200, created.body());
    return created.json().getString("id");
  }

  private static String user(String userName) {
    return "{\"schemas\":[\""
        + USER
        + "\"],\"userName\":\""
        + userName
        + "\",\"active\":true,\"emails\":[{\"value\":\""
        + userName
        + "\",\"type\":\"work\",\"primary\":true}]}";
  }

  private static String replace(String attribute, String value) {
    return "{\"schemas\":[\""
        + PATCH
        + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\""
        + attribute
        + "\":"
        + value
        + "}}]}";
  }

  /** Runs both at the same moment; their results in order. */
  private List<Integer> race(Callable<Integer> one, Callable<Integer> two) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Integer>> futures = new ArrayList<>();
    for (Callable<Integer> task : List.of(one, two)) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> future : futures) {
      statuses.add(future.get());
    }
    return statuses;
  }
}
