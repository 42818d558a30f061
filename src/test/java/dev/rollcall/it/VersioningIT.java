package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ETags, If-Match / If-None-Match, and concurrent writers (no lost updates, no lost members). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VersioningIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  String token;

  @BeforeEach
  void integration() throws Exception {
    http = Http.at(base);
    Fixture fixture = http.oktaFixture("Versions", "admin@versions.example");
    org = fixture.org();
    token = fixture.scimToken();
  }

  private String createUser(String userName) {
    Reply created = http.scim(org, token, "POST", "/Users", "{\"userName\":\"" + userName + "\"}");
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private Reply withHeader(String method, String path, String header, String value, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.base().resolve("scim/v2/" + org.id() + path))
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(java.time.Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/scim+json")
            .header(header, value)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response);
  }

  @Test
  void etagsAnswerConditionalRequests() throws Exception {
    String id = createUser("etag@versions.example");
    Reply current = http.scim(org, token, "GET", "/Users/" + id, null);
    String etag = current.header("ETag").orElseThrow();
    assertEquals(etag, current.json().getJsonObject("meta").getString("version"));

    assertEquals(304, withHeader("GET", "/Users/" + id, "If-None-Match", etag, null).status());
    assertEquals(
        200, withHeader("GET", "/Users/" + id, "If-None-Match", "W/\"999\"", null).status());

    Reply updated =
        withHeader(
            "PUT",
            "/Users/" + id,
            "If-Match",
            etag,
            "{\"userName\":\"etag@versions.example\",\"displayName\":\"one\"}");
    assertEquals(200, updated.status(), updated.body());
    String newTag = updated.header("ETag").orElseThrow();
    assertNotEquals(etag, newTag);

    Reply stale =
        withHeader(
            "PUT",
            "/Users/" + id,
            "If-Match",
            etag,
            "{\"userName\":\"etag@versions.example\",\"displayName\":\"two\"}");
    assertEquals(412, stale.status(), stale.body());
    assertEquals(
        "one", http.scim(org, token, "GET", "/Users/" + id, null).json().getString("displayName"));
    assertEquals(
        412,
        withHeader(
                "PATCH",
                "/Users/" + id,
                "If-Match",
                etag,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")
            .status());
    assertEquals(412, withHeader("DELETE", "/Users/" + id, "If-Match", etag, null).status());
    assertEquals(204, withHeader("DELETE", "/Users/" + id, "If-Match", newTag, null).status());
  }

  @Test
  void thirtyTwoParallelMemberAddsAllLand() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      users.add(createUser("m" + i + "@versions.example"));
    }
    Reply group = http.scim(org, token, "POST", "/Groups", "{\"displayName\":\"Crowd\"}");
    String groupId = group.json().getString("id");
    String groupTag = group.header("ETag").orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Callable<Integer>> adds = new ArrayList<>();
      for (String user : users) {
        adds.add(
            () ->
                http.scim(
                        org,
                        token,
                        "PATCH",
                        "/Groups/" + groupId,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                            + user
                            + "\"}]}]}")
                    .status());
      }
      for (Future<Integer> status : pool.invokeAll(adds)) {
        assertEquals(204, status.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Reply after = http.scim(org, token, "GET", "/Groups/" + groupId, null);
    assertEquals(32, after.json().getJsonArray("members").size());
    assertNotEquals(
        groupTag, after.header("ETag").orElseThrow(), "membership changes move the version");
  }

  @Test
  void parallelPutsWithOneIfMatchGiveExactlyOneSuccess() throws Exception {
    String id = createUser("race@versions.example");
    String etag = http.scim(org, token, "GET", "/Users/" + id, null).header("ETag").orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Callable<Integer>> puts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "writer " + i;
        puts.add(
            () ->
                withHeader(
                        "PUT",
                        "/Users/" + id,
                        "If-Match",
                        etag,
                        "{\"userName\":\"race@versions.example\",\"displayName\":\"" + name + "\"}")
                    .status());
      }
      for (Future<Integer> status : pool.invokeAll(puts)) {
        statuses.add(status.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
    assertTrue(
        http.scim(org, token, "GET", "/Users/" + id, null)
            .json()
            .getString("displayName")
            .startsWith("writer "));
  }
}
