package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Errors tell the truth: 409 only for a real collision, over-long values, wrong JSON types, deep
 * nesting and out-of-range durations are 400s naming the problem, concurrent adds of one member are
 * idempotent, and group member filters work; never a 500 for what a client sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HonestErrorsIT {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  @Deployment(testable = false)
  static WebArchive deployment() {
    // the races below send hundreds of requests a second with one token: lift its rate, which
    // BoundedInputIT tests, so that they measure the writes and not the limiter
    return Deployments.withConfig(
        Deployments.application(),
        "rollcall.limits.scim-rate=100000\nrollcall.limits.scim-burst=100000\n"
            + "rollcall.limits.api-rate=100000\nrollcall.limits.api-burst=100000\n");
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  String token;

  @BeforeEach
  void organization() throws Exception {
    http = Http.at(base);
    Fixture fixture = http.oktaFixture("Errors", "admin@errors.example");
    org = fixture.org();
    token = fixture.scimToken();
  }

  private Reply scim(String method, String path, String body) {
    return http.scim(org, token, method, path, body);
  }

  private String createUser(String userName) {
    Reply reply = scim("POST", "/Users", "{\"userName\":\"" + userName + "\"}");
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  private static void assertScimError(Reply reply, int status, String scimType, String detail) {
    assertEquals(status, reply.status(), reply.body());
    JsonObject error = reply.json();
    assertEquals(Integer.toString(status), error.getString("status"), reply.body());
    if (scimType != null) {
      assertEquals(scimType, error.getString("scimType", null), reply.body());
    }
    if (detail != null) {
      assertEquals(detail, withoutRequestId(reply, error.getString("detail")), reply.body());
    }
  }

  /** An error's text without the request id every error ends with (checked against the header). */
  private static String withoutRequestId(Reply reply, String text) {
    String suffix = " (request id " + reply.header("X-Request-Id").orElseThrow() + ")";
    assertTrue(text.endsWith(suffix), text);
    return text.substring(0, text.length() - suffix.length());
  }

  private long usersNamed(String userName) {
    Reply reply =
        scim(
            "GET",
            "/Users?filter="
                + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8),
            null);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getInt("totalResults");
  }

  // --- over-long values: 400 naming the attribute and its limit, nothing written ---

  @Test
  void overlongUserValuesAreRefusedNamingTheAttributeAndItsLimit() {
    record Case(String attributes, String detail) {}
    String x300 = "x".repeat(300);
    String x5000 = "x".repeat(5000);
    List<Case> cases =
        List.of(
            new Case("\"locale\":\"" + x300 + "\"", "locale must be at most 64 characters"),
            new Case("\"title\":\"" + x5000 + "\"", "title must be at most 255 characters"),
            new Case(
                "\"displayName\":\"" + x5000 + "\"", "displayName must be at most 255 characters"),
            new Case("\"nickName\":\"" + x300 + "\"", "nickName must be at most 255 characters"),
            new Case("\"userType\":\"" + x300 + "\"", "userType must be at most 255 characters"),
            new Case(
                "\"preferredLanguage\":\"" + x300 + "\"",
                "preferredLanguage must be at most 64 characters"),
            new Case("\"timezone\":\"" + x300 + "\"", "timezone must be at most 64 characters"),
            new Case(
                "\"profileUrl\":\"https://example.com/" + x5000 + "\"",
                "profileUrl must be at most 1024 characters"),
            new Case(
                "\"externalId\":\"" + x300 + "\"", "externalId must be at most 255 characters"),
            new Case(
                "\"name\":{\"givenName\":\"" + x300 + "\"}",
                "name.givenName must be at most 255 characters"),
            new Case(
                "\"name\":{\"familyName\":\"" + x300 + "\"}",
                "name.familyName must be at most 255 characters"),
            new Case(
                "\"name\":{\"formatted\":\"" + x5000 + "\"}",
                "name.formatted must be at most 512 characters"),
            new Case(
                "\"name\":{\"honorificPrefix\":\"" + x300 + "\"}",
                "name.honorificPrefix must be at most 64 characters"),
            new Case(
                "\"emails\":[{\"value\":\""
                    + "x".repeat(320)
                    + "@example.com\",\"type\":\"work\"}]",
                "emails.value must be at most 320 characters"),
            new Case(
                "\"emails\":[{\"value\":\"a@example.com\",\"type\":\"" + x300 + "\"}]",
                "emails.type must be at most 64 characters"),
            new Case(
                "\"emails\":[{\"value\":\"a@example.com\",\"display\":\"" + x5000 + "\"}]",
                "emails.display must be at most 320 characters"),
            new Case(
                "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\""
                    + ENTERPRISE
                    + "\"],\""
                    + ENTERPRISE
                    + "\":{\"department\":\""
                    + x300
                    + "\"}",
                "department must be at most 255 characters"),
            new Case(
                "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\""
                    + ENTERPRISE
                    + "\"],\""
                    + ENTERPRISE
                    + "\":{\"manager\":{\"value\":\""
                    + x300
                    + "\"}}",
                "manager.value must be at most 255 characters"));
    int i = 0;
    for (Case c : cases) {
      String userName = "long" + (i++) + "@errors.example";
      Reply reply =
          scim("POST", "/Users", "{\"userName\":\"" + userName + "\"," + c.attributes() + "}");
      assertScimError(reply, 400, "invalidValue", c.detail());
      assertEquals(0, usersNamed(userName), "nothing is written: " + c.detail());
    }
    Reply userName =
        scim("POST", "/Users", "{\"userName\":\"" + "u".repeat(256) + "@errors.example\"}");
    assertScimError(userName, 400, "invalidValue", "userName must be at most 255 characters");
  }

  @Test
  void overlongValuesInPatchPutAndBulkAreRefusedToo() {
    String id = createUser("short@errors.example");
    Reply patch =
        scim(
            "PATCH",
            "/Users/" + id,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\""
                + "t".repeat(300)
                + "\"}]}");
    assertScimError(patch, 400, "invalidValue", "title must be at most 255 characters");
    Reply put =
        scim(
            "PUT",
            "/Users/" + id,
            "{\"userName\":\"short@errors.example\",\"locale\":\"" + "l".repeat(65) + "\"}");
    assertScimError(put, 400, "invalidValue", "locale must be at most 64 characters");
    Reply bulk =
        scim(
            "POST",
            "/Bulk",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":"
                + "[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b\",\"data\":"
                + "{\"userName\":\"bulk@errors.example\",\"title\":\""
                + "t".repeat(256)
                + "\"}}]}");
    assertEquals(200, bulk.status(), bulk.body());
    JsonObject op = bulk.json().getJsonArray("Operations").getJsonObject(0);
    assertEquals("400", op.getString("status"), bulk.body());
    assertEquals(
        "title must be at most 255 characters",
        op.getJsonObject("response").getString("detail"),
        bulk.body());
    Reply current = scim("GET", "/Users/" + id, null);
    assertFalse(current.json().containsKey("title"), current.body());
    assertFalse(current.json().containsKey("locale"), current.body());
  }

  @Test
  void overlongGroupValuesAreRefused() {
    Reply name = scim("POST", "/Groups", "{\"displayName\":\"" + "g".repeat(300) + "\"}");
    assertScimError(name, 400, "invalidValue", "displayName must be at most 255 characters");
    Reply externalId =
        scim(
            "POST",
            "/Groups",
            "{\"displayName\":\"Ext\",\"externalId\":\"" + "e".repeat(300) + "\"}");
    assertScimError(externalId, 400, "invalidValue", "externalId must be at most 255 characters");
    Reply created = scim("POST", "/Groups", "{\"displayName\":\"Ext\"}");
    assertEquals(201, created.status(), created.body());
    Reply patch =
        scim(
            "PATCH",
            "/Groups/" + created.json().getString("id"),
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\""
                + "e".repeat(256)
                + "\"}]}");
    assertScimError(patch, 400, "invalidValue", "externalId must be at most 255 characters");
  }

  @Test
  void overlongStatementNamesAre400() {
    String long300 = "n".repeat(300);
    for (String statement :
        List.of(
            "CREATE API_TOKEN " + long300,
            "CREATE ROLE " + long300,
            "CREATE SECURITY INTEGRATION "
                + long300
                + " WITH ('type' = SCIM, 'scim.client' = OKTA,"
                + " 'scim.run_as_role' = okta_skim_provisioner)",
            "INVITE USER '" + long300 + "@errors.example'")) {
      Reply reply = http.statement(org, org.adminToken(), statement);
      assertEquals(400, reply.status(), statement + ": " + reply.body());
      assertEquals(400, reply.json().getInt("status"), reply.body());
      assertTrue(reply.json().getString("message").contains("255"), reply.body());
    }
    Reply organization =
        http.send(
            "POST",
            "api/v1/organizations",
            Http.operatorToken(),
            "application/json",
            "application/json",
            "{\"name\":\"o\",\"adminEmail\":\"" + "a".repeat(300) + "@errors.example\"}");
    assertEquals(400, organization.status(), organization.body());
    assertEquals(
        "adminEmail must be at most 255 characters",
        withoutRequestId(organization, organization.json().getString("message")),
        organization.body());
  }

  // --- 409 only for a real collision, naming the value ---

  @Test
  void aRealCollisionIs409NamingTheValueEvenUnderARace() throws Exception {
    createUser("taken@errors.example");
    Reply again = scim("POST", "/Users", "{\"userName\":\"TAKEN@errors.example\"}");
    assertScimError(
        again, 409, "uniqueness", "A user with userName TAKEN@errors.example already exists");
    Reply group = scim("POST", "/Groups", "{\"displayName\":\"Taken\"}");
    assertEquals(201, group.status(), group.body());
    assertScimError(
        scim("POST", "/Groups", "{\"displayName\":\"Taken\"}"),
        409,
        "uniqueness",
        "A group or role named Taken already exists");

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 10; round++) {
        String userName = "race" + round + "@errors.example";
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          replies.add(
              pool.submit(
                  () -> {
                    start.await();
                    return scim("POST", "/Users", "{\"userName\":\"" + userName + "\"}");
                  }));
        }
        start.countDown();
        int created = 0;
        for (Future<Reply> future : replies) {
          Reply reply = future.get();
          if (reply.status() == 201) {
            created++;
          } else {
            assertScimError(
                reply, 409, "uniqueness", "A user with userName " + userName + " already exists");
          }
        }
        assertEquals(1, created, "round " + round);
        assertEquals(1, usersNamed(userName));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCreatesOfOneNameAreOneSuccessAndNamedConflicts() throws Exception {
    race(round -> "CREATE ROLE racing_role_" + round, round -> "Role racing_role_" + round);
    race(
        round -> "CREATE API_TOKEN racing_token_" + round,
        round -> "You already have an API token named racing_token_" + round);
    http.ok(org, org.adminToken(), "CREATE ROLE runner");
    http.ok(org, org.adminToken(), "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE runner");
    race(
        round ->
            "CREATE SECURITY INTEGRATION racing_"
                + round
                + " WITH ('type' = SCIM, 'scim.client' = GENERIC, 'scim.run_as_role' = runner)",
        round -> "Security integration racing_" + round);
  }

  /**
   * Runs each round's statement from 8 clients at once: one succeeds, the others are 409 with the
   * message that names the collision ({@code conflict} and "already exists", or exactly it).
   */
  private void race(IntFunction<String> statement, IntFunction<String> conflict) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 10; round++) {
        String text = statement.apply(round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          replies.add(
              pool.submit(
                  () -> {
                    start.await();
                    return http.statement(org, org.adminToken(), text);
                  }));
        }
        start.countDown();
        int created = 0;
        for (Future<Reply> future : replies) {
          Reply reply = future.get();
          if (reply.status() == 200) {
            created++;
          } else {
            assertEquals(409, reply.status(), text + ": " + reply.body());
            String message = withoutRequestId(reply, reply.json().getString("message"));
            String expected = conflict.apply(round);
            assertTrue(
                message.equals(expected) || message.equals(expected + " already exists"),
                text + ": " + reply.body());
          }
        }
        assertEquals(1, created, text);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // --- wrong JSON types are 400 ---

  @Test
  void searchBodiesWithWrongTypesAre400() {
    List<String> bodies =
        List.of(
            "{\"attributes\": 5}",
            "{\"attributes\": [\"userName\", 1]}",
            "{\"attributes\": {\"a\": 1}}",
            "{\"excludedAttributes\": 5}",
            "{\"excludedAttributes\": [true]}",
            "{\"filter\": 5}",
            "{\"filter\": [\"userName pr\"]}",
            "{\"sortBy\": 5}",
            "{\"sortOrder\": false}",
            "{\"startIndex\": \"x\"}",
            "{\"startIndex\": true}",
            "{\"startIndex\": 1.5}",
            "{\"count\": {}}",
            "{\"count\": [10]}");
    for (String path : List.of("/Users/.search", "/Groups/.search", "/.search")) {
      for (String body : bodies) {
        Reply reply = scim("POST", path, body);
        assertEquals(400, reply.status(), path + " " + body + ": " + reply.body());
        assertEquals("400", reply.json().getString("status"), reply.body());
      }
    }
    Reply fine =
        scim(
            "POST",
            "/Users/.search",
            "{\"attributes\": [\"userName\"], \"startIndex\": 1, \"count\": 10}");
    assertEquals(200, fine.status(), fine.body());
  }

  // --- nesting deeper than the parser allows is 400 ---

  @Test
  void deeplyNestedBodiesAre400() {
    String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    for (String path : List.of("/Users", "/Groups", "/Bulk", "/Users/.search", "/.search")) {
      assertScimError(scim("POST", path, deep), 400, "invalidSyntax", null);
    }
    String id = createUser("deep@errors.example");
    assertScimError(scim("PATCH", "/Users/" + id, deep), 400, "invalidSyntax", null);
    assertScimError(scim("PUT", "/Users/" + id, deep), 400, "invalidSyntax", null);
    Reply operator =
        http.send(
            "POST",
            "api/v1/organizations",
            Http.operatorToken(),
            "application/json",
            "application/json",
            deep);
    assertEquals(400, operator.status(), operator.body());
    assertEquals(400, operator.json().getInt("status"), operator.body());
    // nesting within the limit is read as before
    String nested =
        "{\"userName\":\"nested@errors.example\",\"x\":" + "[".repeat(30) + "]".repeat(30) + "}";
    assertTrue(scim("POST", "/Users", nested).status() < 500);
  }

  // --- out-of-range durations are 400 ---

  @Test
  void outOfRangeTokenExpiriesAre400() {
    for (String options :
        List.of(
            "'expires_in' = 'P1000000000000D'",
            "'expires_in' = 'PT-1H'",
            "'expires_in' = 'PT0S'",
            "'expires_at' = '+1000000000-01-01T00:00:00Z'",
            "'expires_at' = '2001-01-01T00:00:00Z'")) {
      String statement = "CREATE API_TOKEN t WITH (" + options + ")";
      Reply reply = http.statement(org, org.adminToken(), statement);
      assertEquals(400, reply.status(), statement + ": " + reply.body());
      assertEquals("invalid_request", reply.json().getString("error"), reply.body());
    }
    http.ok(org, org.adminToken(), "CREATE API_TOKEN t WITH ('expires_in' = 'P3650D')");
  }

  // --- concurrent adds of one member are idempotent ---

  @Test
  void concurrentAddsOfOneMemberAnswer2xxAndKeepItOnce() throws Exception {
    String member = createUser("member@errors.example");
    String add =
        "{\"schemas\":[\""
            + PATCH_OP
            + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
            + member
            + "\"}]}]}";
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 20; round++) {
        Reply group = scim("POST", "/Groups", "{\"displayName\":\"Race " + round + "\"}");
        assertEquals(201, group.status(), group.body());
        String groupId = group.json().getString("id");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          calls.add(
              () -> {
                start.await();
                return scim("PATCH", "/Groups/" + groupId, add);
              });
        }
        List<Future<Reply>> replies = new ArrayList<>();
        for (Callable<Reply> call : calls) {
          replies.add(pool.submit(call));
        }
        start.countDown();
        for (Future<Reply> future : replies) {
          Reply reply = future.get();
          assertTrue(
              reply.status() >= 200 && reply.status() < 300,
              "round " + round + ": " + reply.status() + " " + reply.body());
        }
        Reply read = scim("GET", "/Groups/" + groupId, null);
        assertEquals(1, read.json().getJsonArray("members").size(), read.body());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // --- group member filters, and value paths beside booleans ---

  @Test
  void groupMemberFiltersWork() {
    String member = createUser("filtered@errors.example");
    Reply mailed =
        scim(
            "POST",
            "/Users",
            "{\"userName\":\"mailed\",\"emails\":[{\"value\":\"mailed@errors.example\","
                + "\"type\":\"work\",\"primary\":true}]}");
    assertEquals(201, mailed.status(), mailed.body());
    Reply users =
        scim(
            "GET",
            "/Users?filter="
                + URLEncoder.encode(
                    "active eq true and emails[value eq \"mailed@errors.example\"]",
                    StandardCharsets.UTF_8),
            null);
    assertEquals(200, users.status(), users.body());
    assertEquals(1, users.json().getInt("totalResults"), users.body());
    String other = createUser("other@errors.example");
    Reply group =
        scim(
            "POST",
            "/Groups",
            "{\"displayName\":\"With Member\",\"members\":[{\"value\":\"" + member + "\"}]}");
    assertEquals(201, group.status(), group.body());
    String groupId = group.json().getString("id");
    assertEquals(201, scim("POST", "/Groups", "{\"displayName\":\"Without\"}").status());
    for (String filter :
        List.of(
            "members[value eq \"" + member + "\"]",
            "members.value eq \"" + member + "\"",
            "members eq \"" + member + "\"",
            "displayName eq \"With Member\" and members[value eq \"" + member + "\"]")) {
      Reply reply =
          scim("GET", "/Groups?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
      assertEquals(200, reply.status(), filter + ": " + reply.body());
      assertEquals(1, reply.json().getInt("totalResults"), filter + ": " + reply.body());
      assertEquals(
          groupId,
          reply.json().getJsonArray("Resources").getJsonObject(0).getString("id"),
          reply.body());
    }
    Reply none =
        scim(
            "GET",
            "/Groups?filter="
                + URLEncoder.encode("members[value eq \"" + other + "\"]", StandardCharsets.UTF_8),
            null);
    assertEquals(200, none.status(), none.body());
    assertEquals(0, none.json().getInt("totalResults"), none.body());
  }
}
