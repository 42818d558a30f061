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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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

/** The SCIM filter grammar, sorting and projection, answered by the database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimSearchIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  String token;

  @BeforeEach
  void users() throws Exception {
    http = Http.at(base);
    Fixture fixture = http.oktaFixture("Search", "admin@search.example");
    org = fixture.org();
    token = fixture.scimToken();
    create("alice", "Alice", "Smith", "work", "alice@corp.example", "Engineering", true);
    create("bob", "Bob", "Jones", "home", "bob@home.example", "Sales", true);
    create("carol", "Carol", "Smith", "work", "carol@corp.example", "Sales", false);
  }

  private void create(
      String userName,
      String given,
      String family,
      String emailType,
      String email,
      String department,
      boolean active) {
    String body =
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"%s","name":{"givenName":"%s","familyName":"%s"},"active":%s,
         "emails":[{"type":"%s","value":"%s","primary":true}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"%s"}}
        """
            .formatted(userName, given, family, active, emailType, email, department);
    Reply reply = http.scim(org, token, "POST", "/Users", body);
    assertEquals(201, reply.status(), reply.body());
  }

  private Set<String> match(String filter) {
    Reply reply =
        http.scim(
            org,
            token,
            "GET",
            "/Users?count=100&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
            null);
    assertEquals(200, reply.status(), filter + ": " + reply.body());
    Set<String> names = new TreeSet<>();
    for (JsonObject user : reply.json().getJsonArray("Resources").getValuesAs(JsonObject.class)) {
      names.add(user.getString("userName"));
    }
    assertEquals(names.size(), reply.json().getInt("totalResults"), filter);
    names.remove("admin@search.example");
    return names;
  }

  @Test
  void everyOperatorAndCombinator() {
    assertEquals(Set.of("alice"), match("userName eq \"ALICE\""));
    assertEquals(
        Set.of("bob", "carol"),
        match("userName ne \"alice\" and userName ne \"admin@search.example\""));
    assertEquals(Set.of("alice", "carol"), match("name.familyName co \"mit\""));
    assertEquals(Set.of("bob"), match("userName sw \"b\""));
    assertEquals(Set.of("carol"), match("userName ew \"rol\""));
    assertEquals(Set.of("bob", "carol"), match("userName gt \"alice\" and userName lt \"d\""));
    assertEquals(Set.of("alice", "bob"), match("userName ge \"alice\" and userName le \"bob\""));
    assertEquals(Set.of("alice", "bob", "carol"), match("name.givenName pr"));
    assertEquals(Set.of("carol"), match("active eq false"));
    assertEquals(
        Set.of("alice", "bob"),
        match("active eq true and not (userName eq \"admin@search.example\")"));
    assertEquals(Set.of("alice", "bob"), match("userName eq \"alice\" or userName eq \"bob\""));
    assertEquals(
        Set.of("alice", "carol"),
        match("(userName eq \"alice\" or userName eq \"carol\") and active pr"));
    assertEquals(Set.of("alice", "carol"), match("emails[type eq \"work\"]"));
    assertEquals(Set.of("alice", "bob", "carol"), match("emails[primary eq true]"));
    assertEquals(Set.of("carol"), match("emails[type eq \"work\" and value co \"carol\"]"));
    assertEquals(Set.of("bob"), match("emails.value eq \"BOB@home.example\""));
    assertEquals(
        Set.of("carol"), match("emails[type eq \"work\"].value eq \"carol@corp.example\""));
    assertEquals(Set.of(), match("emails[type eq \"home\"].value eq \"carol@corp.example\""));
    assertEquals(
        Set.of("bob", "carol"),
        match(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"sales\""));
    assertEquals(
        Set.of("alice", "bob", "carol"),
        match("meta.created gt \"2000-01-01T00:00:00Z\" and userName ne \"admin@search.example\""));
    assertEquals(Set.of(), match("meta.lastModified lt \"2000-01-01T00:00:00Z\""));
    assertEquals(Set.of("alice"), match("userName eq \"alice\" and orgadmin eq false"));
  }

  /**
   * {@code userName eq "..."} has a fast path (a named query); the same filter with the core schema
   * URN takes the general Criteria path. Both must answer the same JSON: mixed case, a missing
   * user, a page past the match, count=0, and projections; for a user with two emails, two groups
   * and orgadmin, while another organization has a user of the same name.
   */
  @Test
  void userNameEqualityFastPathAnswersAsTheGeneralPath() {
    String urn = "urn:ietf:params:scim:schemas:core:2.0:User:";
    String alice =
        list("userName eq \"alice\"", "")
            .json()
            .getJsonArray("Resources")
            .getJsonObject(0)
            .getString("id");
    Reply changed =
        http.scim(
            org,
            token,
            "PATCH",
            "/Users/" + alice,
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"replace","path":"orgadmin","value":true},
             {"op":"add","path":"emails","value":[{"type":"home","value":"alice@home.example"}]}]}
            """);
    assertEquals(200, changed.status(), changed.body());
    for (String group : List.of("Zeta", "Alpha")) {
      Reply created =
          http.scim(
              org,
              token,
              "POST",
              "/Groups",
              "{\"displayName\":\"" + group + "\",\"members\":[{\"value\":\"" + alice + "\"}]}");
      assertEquals(201, created.status(), created.body());
    }
    Organization other =
        http.createOrganization("Search " + UUID.randomUUID(), "admin@other.example");
    Reply elsewhere =
        http.scim(
            other,
            http.oktaIntegration(other),
            "POST",
            "/Users",
            "{\"userName\":\"alice\",\"emails\":[{\"value\":\"alice@other.example\"}]}");
    assertEquals(201, elsewhere.status(), elsewhere.body());
    for (String value : List.of("alice", "ALICE", "aLiCe", "nobody", "")) {
      for (String paging :
          List.of(
              "",
              "&startIndex=1&count=100",
              "&startIndex=2&count=100",
              "&startIndex=1&count=0",
              "&startIndex=5&count=0",
              "&count=1",
              "&attributes=userName",
              "&excludedAttributes=emails,name")) {
        Reply fast = list("userName eq \"" + value + "\"", paging);
        Reply general = list(urn + "userName eq \"" + value + "\"", paging);
        assertEquals(200, fast.status(), fast.body());
        assertEquals(general.status(), fast.status(), value + paging);
        assertEquals(general.json(), fast.json(), value + paging);
      }
    }
    JsonObject found = list("userName eq \"ALICE\"", "&startIndex=1&count=100").json();
    assertEquals(1, found.getInt("totalResults"));
    JsonObject user = found.getJsonArray("Resources").getJsonObject(0);
    assertEquals(alice, user.getString("id"));
    assertEquals(
        List.of("alice@corp.example", "alice@home.example"),
        user.getJsonArray("emails").stream()
            .map(e -> e.asJsonObject().getString("value"))
            .toList());
    assertEquals(
        List.of("Alpha", "Zeta"),
        user.getJsonArray("groups").stream()
            .map(g -> g.asJsonObject().getString("display"))
            .toList());
    assertTrue(user.getBoolean("orgadmin"));
    JsonObject past = list("userName eq \"alice\"", "&startIndex=2&count=100").json();
    assertEquals(1, past.getInt("totalResults"));
    assertEquals(2, past.getInt("startIndex"));
    assertTrue(past.getJsonArray("Resources") == null || past.getJsonArray("Resources").isEmpty());
    JsonObject counted = list("userName eq \"alice\"", "&count=0").json();
    assertEquals(1, counted.getInt("totalResults"));
    assertEquals(0, list("userName eq \"nobody\"", "").json().getInt("totalResults"));
  }

  private Reply list(String filter, String rest) {
    return http.scim(
        org,
        token,
        "GET",
        "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + rest,
        null);
  }

  @Test
  void unsupportedAndMalformedFiltersAreInvalidFilter() {
    for (String filter :
        List.of(
            "nickName eq",
            "userName eq \"x\" and",
            "unknownAttr eq \"x\"",
            "active gt true",
            "userName eq \"x\" ]")) {
      Reply reply =
          http.scim(
              org,
              token,
              "GET",
              "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
              null);
      assertEquals(400, reply.status(), filter);
      assertEquals(
          "invalidFilter", reply.json().getString("scimType"), filter + ": " + reply.body());
      assertFalse(reply.body().contains("Exception"), reply.body());
    }
  }

  @Test
  void attributesAndExcludedAttributes() {
    Reply only =
        http.scim(
            org,
            token,
            "GET",
            "/Users?filter="
                + URLEncoder.encode("userName eq \"alice\"", StandardCharsets.UTF_8)
                + "&attributes=userName",
            null);
    JsonObject alice = only.json().getJsonArray("Resources").getJsonObject(0);
    assertTrue(alice.containsKey("id") && alice.containsKey("userName"));
    assertFalse(alice.containsKey("name"));
    assertFalse(alice.containsKey("emails"));
    Reply without =
        http.scim(
            org,
            token,
            "GET",
            "/Users?filter="
                + URLEncoder.encode("userName eq \"alice\"", StandardCharsets.UTF_8)
                + "&excludedAttributes=emails,name",
            null);
    JsonObject trimmed = without.json().getJsonArray("Resources").getJsonObject(0);
    assertFalse(trimmed.containsKey("emails"));
    assertTrue(trimmed.containsKey("active"));
  }

  @Test
  void postSearchAndSortByName() {
    Reply reply =
        http.scim(
            org,
            token,
            "POST",
            "/Users/.search",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"name.familyName eq \\\"Smith\\\"\",\"sortBy\":\"name.givenName\",\"sortOrder\":\"descending\",\"attributes\":[\"userName\"]}");
    assertEquals(200, reply.status(), reply.body());
    List<String> order = new ArrayList<>();
    for (JsonObject user : reply.json().getJsonArray("Resources").getValuesAs(JsonObject.class)) {
      order.add(user.getString("userName"));
    }
    assertEquals(List.of("carol", "alice"), order);
  }

  @Test
  void concurrentCreatesOfOneUserNameGiveOneUserAndConflicts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String userName = i % 2 == 0 ? "racer@search.example" : "RACER@search.example";
        attempts.add(
            () ->
                http.scim(org, token, "POST", "/Users", "{\"userName\":\"" + userName + "\"}")
                    .status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : pool.invokeAll(attempts)) {
        statuses.add(result.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        Set.of("racer@search.example"),
        match("userName eq \"racer@search.example\"").stream()
            .map(String::toLowerCase)
            .collect(java.util.stream.Collectors.toSet()));
  }
}
