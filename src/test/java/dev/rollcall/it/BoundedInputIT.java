package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bounded input over HTTP: oversized bodies (with a length and chunked) are 413 in each API's error
 * format and change nothing, /Bulk takes what /ServiceProviderConfig advertises, caps on values are
 * 400, a token over its rate is 429 with Retry-After and recovers, and guessed tokens past a
 * client's budget are refused without reading the database (counted in the server).
 *
 * <p>This deployment has small rates of its own ({@link Deployments#withConfig}); every other suite
 * runs with the defaults.
 */
@ExtendWith(ArquillianExtension.class)
class BoundedInputIT {
  static final int BULK_LIMIT = 1_572_864;
  static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final int TWO_MIB = 2 * 1024 * 1024;
  static final int FAILED_AUTH_BURST = 10;

  @Deployment
  static WebArchive deployment() {
    return Deployments.withConfig(
        Deployments.withTestSupport(BoundedInputIT.class, SqlCounter.class, Http.class),
        """
        rollcall.limits.bulk-body-size=%d
        rollcall.limits.scim-rate=2
        rollcall.limits.scim-burst=10
        rollcall.limits.api-rate=2
        rollcall.limits.api-burst=10
        rollcall.limits.failed-auth-rate=2
        rollcall.limits.failed-auth-burst=%d
        """
            .formatted(BULK_LIMIT, FAILED_AUTH_BURST));
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Inject EntityManager em;

  Http http;
  Organization org;
  String token;

  @BeforeEach
  void organization() {
    http =
        new Http(
            URI.create(
                ConfigProvider.getConfig().getValue("rollcall.public-base-url", String.class)));
    Fixture fixture = http.oktaFixture("Bounded", "admin@bounded.example");
    org = fixture.org();
    token = fixture.scimToken();
  }

  /** A user body of about {@code size} bytes, padded with an attribute no schema defines. */
  private static String paddedUser(String userName, int size) {
    return "{\"userName\":\"" + userName + "\",\"padding\":\"" + "x".repeat(size) + "\"}";
  }

  /** Sends with a Content-Length, or chunked (an input-stream body has no length). */
  private Reply send(
      String method, String path, String bearer, String type, String body, boolean chunked)
      throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
            : HttpRequest.BodyPublishers.ofByteArray(bytes);
    HttpRequest request =
        HttpRequest.newBuilder(http.base().resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", type)
            .header("Accept", type)
            .method(method, publisher)
            .build();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response);
  }

  private Reply scimSend(String method, String path, String body, boolean chunked)
      throws IOException, InterruptedException {
    return send(
        method, "scim/v2/" + org.id() + path, token, "application/scim+json", body, chunked);
  }

  private int usersNamed(String userName) {
    String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
    Reply reply = http.scim(org, token, "GET", "/Users?filter=" + filter, null);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getInt("totalResults");
  }

  private static void assertScimError(Reply reply, int status) {
    assertEquals(status, reply.status(), reply.body());
    JsonObject error = reply.json();
    assertEquals(ERROR, error.getJsonArray("schemas").getString(0), reply.body());
    assertEquals(Integer.toString(status), error.getString("status"));
    assertFalse(reply.body().contains("Exception"), reply.body());
  }

  private static void assertApiError(Reply reply, int status) {
    assertEquals(status, reply.status(), reply.body());
    JsonObject error = reply.json();
    assertEquals(status, error.getInt("status"));
    assertTrue(error.containsKey("error") && error.containsKey("message"), reply.body());
    assertFalse(reply.body().contains("Exception"), reply.body());
  }

  @Test
  void aScimBodyOverTheLimitIs413AndCreatesNothingWithALengthOrChunked() throws Exception {
    for (boolean chunked : new boolean[] {false, true}) {
      String userName = "big-" + chunked + "@bounded.example";
      Reply reply = scimSend("POST", "/Users", paddedUser(userName, TWO_MIB), chunked);
      assertScimError(reply, 413);
      assertTrue(reply.json().getString("detail").contains("1048576"), reply.body());
      assertEquals(0, usersNamed(userName), "chunked " + chunked);
      // the same padding under the limit is accepted: the limit, not the padding, refused it
      Reply small = scimSend("POST", "/Users", paddedUser(userName, 1000), chunked);
      assertEquals(201, small.status(), small.body());
    }
    Reply patch = scimSend("PUT", "/Users/" + UUID.randomUUID(), paddedUser("x@y", TWO_MIB), true);
    assertScimError(patch, 413);
  }

  @Test
  void aStatementOverTheLimitIs413Json() throws Exception {
    String statement = "CREATE ROLE big_role /*" + "x".repeat(TWO_MIB) + "*/";
    for (boolean chunked : new boolean[] {false, true}) {
      Reply reply =
          send(
              "POST",
              "api/v1/organizations/" + org.id() + "/statements",
              org.adminToken(),
              "text/plain",
              statement,
              chunked);
      assertApiError(reply, 413);
    }
    assertFalse(http.ok(org, org.adminToken(), "LIST ROLES").column("Name").contains("big_role"));
    Reply operator =
        send(
            "POST",
            "api/v1/organizations",
            Http.operatorToken(),
            "application/json",
            "{\"name\":\"" + "x".repeat(TWO_MIB) + "\",\"adminEmail\":\"a@b.example\"}",
            true);
    assertApiError(operator, 413);
  }

  @Test
  void bulkTakesExactlyTheAdvertisedMaxPayloadSize() throws Exception {
    Reply config = http.scim(org, token, "GET", "/ServiceProviderConfig", null);
    int advertised = config.json().getJsonObject("bulk").getInt("maxPayloadSize");
    assertEquals(BULK_LIMIT, advertised);

    String head =
        "{\"schemas\":[\""
            + BULK
            + "\"],\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"p\",\"data\":";
    String tail = "}]}";
    String overhead = head + paddedUser("bulk@bounded.example", 0) + tail;
    String exact =
        head
            + paddedUser(
                "bulk@bounded.example",
                advertised - overhead.getBytes(StandardCharsets.UTF_8).length)
            + tail;
    assertEquals(advertised, exact.getBytes(StandardCharsets.UTF_8).length);
    String over = exact.replace("\"padding\":\"", "\"padding\":\"x");
    for (boolean chunked : new boolean[] {false, true}) {
      assertScimError(scimSend("POST", "/Bulk", over, chunked), 413);
    }
    assertEquals(0, usersNamed("bulk@bounded.example"));
    // larger than any other body may be, and exactly the advertised size: accepted
    Reply accepted = scimSend("POST", "/Bulk", exact, true);
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals(
        "201", accepted.json().getJsonArray("Operations").getJsonObject(0).getString("status"));
    // a plain POST of the same size is over the other bodies' limit
    assertScimError(scimSend("POST", "/Users", paddedUser("u@b.example", 1_200_000), false), 413);
  }

  @Test
  void overCapValuesAre400NamingTheAttributeAndTheCap() throws Exception {
    JsonArrayBuilder emails = Json.createArrayBuilder();
    for (int i = 0; i <= 100; i++) {
      emails.add(Json.createObjectBuilder().add("value", "e" + i + "@bounded.example"));
    }
    String user =
        Json.createObjectBuilder()
            .add("userName", "many@bounded.example")
            .add("emails", emails)
            .build()
            .toString();
    Reply reply = scimSend("POST", "/Users", user, false);
    assertScimError(reply, 400);
    assertEquals("invalidValue", reply.json().getString("scimType"));
    String detail = reply.json().getString("detail");
    assertTrue(detail.contains("emails") && detail.contains("100"), detail);
    assertEquals(0, usersNamed("many@bounded.example"));

    JsonArrayBuilder members = Json.createArrayBuilder();
    for (int i = 0; i <= 10_000; i++) {
      members.add(Json.createObjectBuilder().add("value", UUID.randomUUID().toString()));
    }
    String group =
        Json.createObjectBuilder()
            .add("displayName", "Crowd")
            .add("members", members)
            .build()
            .toString();
    Reply crowd = scimSend("POST", "/Groups", group, false);
    assertScimError(crowd, 400);
    assertTrue(crowd.json().getString("detail").contains("10000"), crowd.body());
  }

  @Test
  void aTokenOverItsRateGets429WithRetryAfterOthersGoOnAndItRecovers() throws Exception {
    Organization other =
        http.createOrganization("Bounded other " + UUID.randomUUID(), "admin@other.example");
    String otherToken = http.oktaIntegration(other);

    Reply limited = null;
    for (int i = 0; i < 100 && limited == null; i++) {
      Reply reply = http.scim(org, token, "GET", "/ServiceProviderConfig", null);
      if (reply.status() == 429) {
        limited = reply;
      } else {
        assertEquals(200, reply.status(), reply.body());
      }
    }
    assertTrue(limited != null, "never limited");
    assertScimError(limited, 429);
    long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
    // another organization's integration is not starved
    assertEquals(200, http.scim(other, otherToken, "GET", "/ServiceProviderConfig", null).status());
    Thread.sleep(retryAfter * 1000);
    assertEquals(200, http.scim(org, token, "GET", "/ServiceProviderConfig", null).status());

    // the statement API's tokens too, in its own format
    Reply apiLimited = null;
    for (int i = 0; i < 100 && apiLimited == null; i++) {
      Reply reply = http.statement(org, org.adminToken(), "LIST ROLES");
      if (reply.status() == 429) {
        apiLimited = reply;
      } else {
        assertEquals(200, reply.status(), reply.body());
      }
    }
    assertTrue(apiLimited != null, "statements never limited");
    assertApiError(apiLimited, 429);
    long apiRetry = Long.parseLong(apiLimited.header("Retry-After").orElseThrow());
    assertEquals(200, http.statement(other, other.adminToken(), "LIST ROLES").status());
    Thread.sleep(apiRetry * 1000);
    assertEquals(200, http.statement(org, org.adminToken(), "LIST ROLES").status());
  }

  @Test
  void guessedTokensPastTheClientsBudgetAreRefusedWithoutADatabaseRead() throws Exception {
    // the integration's token authenticates once: from then on it is known
    assertEquals(200, http.scim(org, token, "GET", "/ServiceProviderConfig", null).status());
    Session session = em.getEntityManagerFactory().unwrap(Session.class);
    SqlCounter counter = SqlCounter.install(session);
    try {
      List<Integer> readsWhenRefused = new ArrayList<>();
      List<Integer> readsWhenLimited = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < 40; i++) {
        counter.take();
        String guess = "rc_scim_" + UUID.randomUUID();
        Reply reply = http.scim(org, guess, "GET", "/Users", null);
        int reads = counter.take().size();
        if (reply.status() == 401) {
          readsWhenRefused.add(reads);
        } else {
          assertScimError(reply, 429);
          assertTrue(reply.header("Retry-After").isPresent());
          readsWhenLimited.add(reads);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      // the budget: a burst, then its rate (2/s here)
      assertTrue(
          readsWhenRefused.size() <= FAILED_AUTH_BURST + 2 * seconds + 1,
          readsWhenRefused.size() + " guesses looked up in " + seconds + " s");
      assertFalse(readsWhenLimited.isEmpty(), "never limited");
      // a looked-up guess reads the database; one past the budget reads nothing
      assertTrue(readsWhenRefused.stream().anyMatch(n -> n > 0), readsWhenRefused.toString());
      assertTrue(readsWhenLimited.stream().allMatch(n -> n == 0), readsWhenLimited.toString());
      // the statement API's tokens share the client's budget: the first API guesses are limited
      // at once, but for what the budget's rate (2/s) refilled since the last SCIM guess (on a busy
      // machine that can be a second or two); a budget of their own would let 10 through
      long lastScimGuess = System.nanoTime();
      int apiRefused = 0;
      Reply api = http.statement(org, "rc_api_" + UUID.randomUUID(), "LIST ROLES");
      while (api.status() == 401 && apiRefused < FAILED_AUTH_BURST) {
        apiRefused++;
        api = http.statement(org, "rc_api_" + UUID.randomUUID(), "LIST ROLES");
      }
      assertApiError(api, 429);
      double since = (System.nanoTime() - lastScimGuess) / 1e9;
      assertTrue(
          apiRefused <= 2 * since + 1,
          apiRefused + " API guesses looked up " + since + " s after the SCIM guesses");
      // tokens that authenticated before go on
      assertEquals(200, http.scim(org, token, "GET", "/ServiceProviderConfig", null).status());
      assertEquals(200, http.statement(org, org.adminToken(), "LIST ROLES").status());
    } finally {
      counter.uninstall();
      // let the budget fill up again for the other tests' new tokens, also after a failure
      Thread.sleep(FAILED_AUTH_BURST * 1000 / 2 + 1000);
    }
  }
}
