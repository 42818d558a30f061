package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Reply;
import jakarta.json.JsonObject;
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

/**
 * What operators watch: {@code /metrics} counts requests by API, route template and status class,
 * authentication failures and token-cache hits, shows the data source pool, and names no
 * organization, user or token; {@code /openapi} describes the public APIs and no Java type.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {
  static final String SCIM_USERS = "operation=\"POST /scim/v2/{orgId}/Users\"";
  static final String SCIM_USER = "operation=\"GET /scim/v2/{orgId}/Users/{id}\"";
  static final String STATEMENTS = "operation=\"POST /api/v1/organizations/{orgId}/statements\"";
  static final String ORGANIZATIONS = "operation=\"POST /api/v1/organizations\"";

  @Deployment(testable = false)
  static WebArchive deployment() {
    // a token stays remembered for the whole test, so the second look-up is a hit however slow
    return Deployments.withConfig(Deployments.application(), "rollcall.scim.token-cache=PT1H\n");
  }

  @ArquillianResource URL base;
  Http http;

  @BeforeEach
  void client() {
    http = Http.at(base);
  }

  @Test
  void metricsMoveWithRequestsAndNameNoTenant() {
    Fixture fixture = http.oktaFixture("Metrics", "admin@metrics.example");
    String userName = "metered-" + UUID.randomUUID() + "@metrics.example";
    String before = metrics();

    Reply created =
        http.scim(
            fixture.org(),
            fixture.scimToken(),
            "POST",
            "/Users",
            "{\"userName\":\"" + userName + "\"}");
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    // three GETs: a background poll that sees the fixture's integration being created may still
    // forget the token once (it cannot tell that change came before the token was read)
    for (int i = 0; i < 3; i++) {
      assertEquals(
          200, http.scim(fixture.org(), fixture.scimToken(), "GET", "/Users/" + id, null).status());
    }
    assertEquals(
        401, http.scim(fixture.org(), "rc_scim_not-a-token", "GET", "/Users/" + id, null).status());
    assertEquals(
        404, http.scim(fixture.org(), fixture.scimToken(), "GET", "/Nowhere", null).status());
    http.ok(fixture.org(), fixture.adminToken(), "LIST USERS");
    String after = metrics();

    assertEquals(
        1,
        sum(after, "rollcall_requests_seconds_count", "api=\"scim\"", SCIM_USERS, "status=\"2xx\"")
            - sum(
                before,
                "rollcall_requests_seconds_count",
                "api=\"scim\"",
                SCIM_USERS,
                "status=\"2xx\""));
    assertEquals(
        1,
        sum(after, "rollcall_requests_seconds_count", SCIM_USER, "status=\"4xx\"")
            - sum(before, "rollcall_requests_seconds_count", SCIM_USER, "status=\"4xx\""),
        "the refused token's request, by its route");
    assertTrue(
        sum(
                after,
                "rollcall_requests_seconds_count",
                "api=\"statements\"",
                STATEMENTS,
                "status=\"2xx\"")
            > sum(
                before,
                "rollcall_requests_seconds_count",
                "api=\"statements\"",
                STATEMENTS,
                "status=\"2xx\""));
    assertTrue(
        sum(
                after,
                "rollcall_requests_seconds_count",
                "api=\"operator\"",
                ORGANIZATIONS,
                "status=\"2xx\"")
            >= 1,
        "the fixture's organization");
    assertTrue(
        sum(after, "rollcall_requests_seconds_count", "api=\"scim\"", "operation=\"unmatched\"")
            > sum(
                before,
                "rollcall_requests_seconds_count",
                "api=\"scim\"",
                "operation=\"unmatched\""));
    assertEquals(
        1,
        sum(after, "rollcall_authentication_failures_total", "api=\"scim\"")
            - sum(before, "rollcall_authentication_failures_total", "api=\"scim\""));
    assertTrue(
        sum(after, "rollcall_scim_token_cache_total", "result=\"hit\"")
            > sum(before, "rollcall_scim_token_cache_total", "result=\"hit\""),
        "a GET after the create found the token in memory");
    assertTrue(
        sum(after, "rollcall_requests_seconds_bucket", SCIM_USERS, "le=\"+Inf\"") >= 1,
        "latency is a histogram");
    assertTrue(after.contains("connectionpool_"), "Liberty's data source pool metrics");

    for (String secret :
        List.of(
            fixture.org().id(),
            userName,
            id,
            fixture.scimToken(),
            fixture.adminToken(),
            "Metrics ")) {
      assertFalse(after.contains(secret), "/metrics names " + secret);
    }
  }

  @Test
  void openApiDescribesTheOperatorStatementAndScimApis() {
    Reply reply = http.send("GET", "openapi?format=JSON", null, null, "application/json", null);
    assertEquals(200, reply.status(), reply.body());
    JsonObject doc = reply.json();
    JsonObject paths = doc.getJsonObject("paths");

    JsonObject create = paths.getJsonObject("/api/v1/organizations").getJsonObject("post");
    assertTrue(create.getJsonObject("responses").containsKey("201"), create.toString());
    assertEquals(
        "#/components/schemas/NewOrganization",
        create
            .getJsonObject("requestBody")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema")
            .getString("$ref"));
    assertTrue(paths.getJsonObject("/api/v1/organizations/{orgId}/statements").containsKey("post"));
    for (String scim : List.of("Users", "Users/{id}", "Groups", "Groups/{id}", "Bulk", "Schemas")) {
      assertTrue(paths.containsKey("/scim/v2/{orgId}/" + scim), scim);
    }
    for (String path : paths.keySet()) {
      assertTrue(
          path.startsWith("/api/v1/organizations") || path.startsWith("/scim/v2/{orgId}/"),
          "a path of neither API: " + path);
    }
    JsonObject schemes = doc.getJsonObject("components").getJsonObject("securitySchemes");
    for (String scheme : List.of("operatorToken", "apiToken", "scimToken")) {
      assertEquals("bearer", schemes.getJsonObject(scheme).getString("scheme"), scheme);
    }
    for (String internal :
        List.of(
            "dev.rollcall",
            "java.",
            "jakarta.",
            "JsonObject",
            "JsonValue",
            "ListParameters",
            "OrganizationResource",
            "UsersResource")) {
      assertFalse(reply.body().contains(internal), "/openapi names " + internal);
    }

    Reply ui = http.send("GET", "openapi/ui/", null, null, "text/html", null);
    assertEquals(200, ui.status());
    assertTrue(ui.body().toLowerCase().contains("<html"), ui.body());
  }

  private String metrics() {
    Reply reply = http.send("GET", "metrics", null, null, "text/plain", null);
    assertEquals(200, reply.status(), reply.body());
    return reply.body();
  }

  /** The sum of the samples of {@code name} whose labels include every one of {@code labels}. */
  static double sum(String metrics, String name, String... labels) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      int end = line.lastIndexOf(' ');
      String series = line.substring(0, end);
      boolean all = true;
      for (String label : labels) {
        all &= series.contains(label);
      }
      if (all) {
        total += Double.parseDouble(line.substring(end + 1));
      }
    }
    return total;
  }
}
