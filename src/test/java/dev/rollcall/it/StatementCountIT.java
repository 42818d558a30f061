package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How many SQL statements each SCIM hot path sends, counted in the server through EclipseLink's SQL
 * log while the requests run over HTTP one at a time, and how many transactions each commits (a
 * commit's log flush is most of a small write's cost on a durable database). The bounds pin the
 * work per request, so that a change that brings back a query per user, per role level or a read of
 * what the request just wrote fails here rather than in the benchmark. Each request runs once
 * untimed first (caches, first-use statements), then once counted. The counts are also written to
 * {@code statement-counts.txt} in the server's output directory.
 */
@ExtendWith(ArquillianExtension.class)
class StatementCountIT {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final int USERS = 120;

  @Deployment
  static WebArchive deployment() {
    // no retention purge while statements are counted, and the token stays remembered however
    // slowly a loaded machine runs the requests (a re-read token adds its three look-ups)
    return Deployments.withConfig(
        Deployments.withTestSupport(
            StatementCountIT.class, SqlCounter.class, CommitCounter.class, Http.class),
        "rollcall.retention.purge-interval=PT0S\nrollcall.scim.token-cache=PT10M");
  }

  @Inject EntityManager em;

  private Http http;
  private Organization org;
  private String token;
  private SqlCounter counter;
  private CommitCounter commits;
  private final List<String> report = new ArrayList<>();

  private static String user(String userName, int n) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
         "userName":"%1$s","name":{"givenName":"Given%2$d","familyName":"Family%2$d"},
         "emails":[{"primary":true,"value":"%1$s","type":"work"}],
         "displayName":"Given%2$d Family%2$d","locale":"en-US","externalId":"00u%2$d",
         "groups":[],"password":"never-stored","active":true}
        """
        .formatted(userName, n);
  }

  private Reply scim(String method, String path, String body) {
    return http.scim(org, token, method, path, body);
  }

  /** One request's reply, the statements it sent and the transactions it committed. */
  private record Counted(Reply reply, List<String> statements, long commits) {}

  /** The statements one request sends, and its commits. */
  private Counted count(String label, int expectedStatus, Supplier<Reply> request) {
    counter.take();
    commits.take("");
    Reply reply = request.get();
    List<String> statements = counter.take();
    long committed = commits.take(reply.header("X-Request-Id").orElseThrow());
    assertEquals(expectedStatus, reply.status(), label + ": " + reply.body());
    report.add(
        String.format("%-45s %3d statements %d commits", label, statements.size(), committed));
    for (String sql : statements) {
      report.add("    " + (sql.length() > 200 ? sql.substring(0, 200) + "..." : sql));
    }
    return new Counted(reply, statements, committed);
  }

  /** A write and its provisioning event commit together: one transaction, one commit. */
  private static void commitsOnce(Counted counted, String label) {
    assertEquals(1, counted.commits(), label + " committed " + counted.commits() + " transactions");
  }

  private static void atMost(int bound, Counted counted, String label) {
    List<String> statements = counted.statements();
    assertTrue(
        statements.size() <= bound,
        label
            + " sent "
            + statements.size()
            + " statements, at most "
            + bound
            + " expected:\n  "
            + String.join("\n  ", statements));
  }

  @Test
  void hotPathsSendAFixedSmallNumberOfStatements() throws Exception {
    http =
        new Http(
            URI.create(
                ConfigProvider.getConfig().getValue("rollcall.public-base-url", String.class)));
    Fixture fixture = http.oktaFixture("Counts", "admin@counts.example");
    org = fixture.org();
    token = fixture.scimToken();

    // users with emails, in three groups: what an import page renders
    StringBuilder bulk = new StringBuilder("{\"schemas\":[\"" + BULK + "\"],\"Operations\":[");
    for (int i = 0; i < USERS; i++) {
      bulk.append(i == 0 ? "" : ",")
          .append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
          .append(i)
          .append("\",\"data\":")
          .append(user("user" + i + "@counts.example", i))
          .append('}');
    }
    for (int g = 0; g < 3; g++) {
      bulk.append(",{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g")
          .append(g)
          .append("\",\"data\":{\"displayName\":\"Team ")
          .append(g)
          .append("\",\"members\":[");
      for (int i = g; i < USERS; i += 2) {
        bulk.append(i == g ? "" : ",").append("{\"value\":\"bulkId:u").append(i).append("\"}");
      }
      bulk.append("]}}");
    }
    Reply seeded = scim("POST", "/Bulk", bulk.append("]}").toString());
    assertEquals(200, seeded.status(), seeded.body());
    String someUser =
        scim("GET", "/Users?filter=" + eq("user7@counts.example"), null)
            .json()
            .getJsonArray("Resources")
            .getJsonObject(0)
            .getString("id");
    String otherUser =
        scim("GET", "/Users?filter=" + eq("user8@counts.example"), null)
            .json()
            .getJsonArray("Resources")
            .getJsonObject(0)
            .getString("id");
    String group =
        scim(
                "POST",
                "/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Patched\"}")
            .json()
            .getString("id");

    Session session = em.getEntityManagerFactory().unwrap(Session.class);
    counter = SqlCounter.install(session);
    commits = CommitCounter.install(session);
    try {
      String label = "GET /ServiceProviderConfig";
      scim("GET", "/ServiceProviderConfig", null);
      Counted spc = count(label, 200, () -> scim("GET", "/ServiceProviderConfig", null));

      label = "POST /Users (Okta body)";
      scim("POST", "/Users", user("warm@counts.example", 1000));
      Counted create =
          count(label, 201, () -> scim("POST", "/Users", user("new@counts.example", 1001)));

      label = "GET /Users?filter=userName eq";
      scim("GET", oktaLookup("user3@counts.example"), null);
      Counted lookup =
          count(label, 200, () -> scim("GET", oktaLookup("user5@counts.example"), null));

      // a user in no group: the search itself says there are no roles to read
      label = "GET /Users?filter=userName eq (no groups)";
      Counted loner = count(label, 200, () -> scim("GET", oktaLookup("new@counts.example"), null));
      assertEquals(
          List.of("new@counts.example"),
          emailValues(loner.reply().json().getJsonArray("Resources").getJsonObject(0)),
          "the emails come with the user's row");

      label = "GET /Users?startIndex=1&count=100";
      scim("GET", "/Users?startIndex=1&count=100", null);
      Counted page = count(label, 200, () -> scim("GET", "/Users?startIndex=1&count=100", null));

      label = "PATCH /Groups add 1 member";
      scim("PATCH", "/Groups/" + group, addMember(otherUser));
      Counted patch =
          count(label, 204, () -> scim("PATCH", "/Groups/" + group, addMember(someUser)));

      label = "PUT /Users/{id} (Okta body)";
      scim("PUT", "/Users/" + otherUser, user("user8@counts.example", 2000));
      Counted put =
          count(
              label,
              200,
              () -> scim("PUT", "/Users/" + someUser, user("user7@counts.example", 2001)));

      label = "GET /Users/{id}";
      scim("GET", "/Users/" + otherUser, null);
      Counted get = count(label, 200, () -> scim("GET", "/Users/" + someUser, null));

      label = "GET /Users/{id} (no groups)";
      String lonerId =
          loner.reply().json().getJsonArray("Resources").getJsonObject(0).getString("id");
      Counted getLoner = count(label, 200, () -> scim("GET", "/Users/" + lonerId, null));
      assertEquals(
          List.of("new@counts.example"),
          emailValues(getLoner.reply().json()),
          "the emails come with the user's row");

      writeReport();

      // Each counted request follows one with the same token, which the server still remembers
      // (ScimPrincipals): authentication reads nothing, and the token brings the extension
      // declarations with it. Custom values are read only when an extension is declared.
      atMost(0, spc, "GET /ServiceProviderConfig");
      // adoption's three indexed look-ups (userName, members.email_key, member_emails) stay one
      // UNION ALL statement, and no look-up scans the organization
      // (+1: the provisioning log's insert, in the create's own transaction)
      atMost(4, create, "POST /Users");
      commitsOnce(create, "POST /Users");
      // the emails are in the user's row: the look-up reads no emails or roles row by row
      atMost(2, lookup, "GET /Users?filter=userName eq");
      // a user in no group costs no group query
      atMost(1, loner, "GET /Users?filter=userName eq (no groups)");
      // a page reads its users, then each kind of detail for the whole page: no query per user
      atMost(3, page, "GET /Users page of 100");
      // adding a member touches the rows it changes: it never loads the group's other members,
      // and the group's new version comes from the UPDATE on the version read, not a read-back
      // (+1: the provisioning log's insert, in the same transaction)
      atMost(6, patch, "PATCH /Groups add 1 member");
      commitsOnce(patch, "PATCH /Groups add 1 member");
      // a replacement does not read back what it just wrote
      // (+1: the provisioning log's insert, in the same transaction)
      atMost(5, put, "PUT /Users/{id}");
      commitsOnce(put, "PUT /Users/{id}");
      atMost(2, get, "GET /Users/{id}");
      atMost(1, getLoner, "GET /Users/{id} (no groups)");
      pageCarriesEachUsersEmailsGroupsAndOrgadmin(page.reply());
    } finally {
      commits.uninstall();
      counter.uninstall();
    }
  }

  /** The page's emails, groups and orgadmin come from per-page queries: each lands on its user. */
  private static void pageCarriesEachUsersEmailsGroupsAndOrgadmin(Reply page) {
    List<JsonObject> users = page.json().getJsonArray("Resources").getValuesAs(JsonObject.class);
    assertEquals(100, users.size());
    int seen = 0;
    for (JsonObject user : users) {
      String userName = user.getString("userName");
      List<String> emails = emailValues(user);
      if (userName.startsWith("user")) {
        assertEquals(List.of(userName), emails, userName);
      }
      assertEquals(userName.equals("admin@counts.example"), user.getBoolean("orgadmin"), userName);
      List<String> groups =
          user.containsKey("groups")
              ? user.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                  .map(g -> g.getString("display"))
                  .sorted()
                  .toList()
              : List.of();
      if (userName.startsWith("user")) {
        int i = Integer.parseInt(userName.substring(4, userName.indexOf('@')));
        List<String> expected =
            i % 2 == 1
                ? List.of("Team 1")
                : i == 0 ? List.of("Team 0") : List.of("Team 0", "Team 2");
        assertEquals(expected, groups, userName);
        seen++;
      } else {
        assertEquals(List.of(), groups, userName);
      }
    }
    assertTrue(seen >= 98, "the page holds the seeded users");
  }

  private static List<String> emailValues(JsonObject user) {
    return user.containsKey("emails")
        ? user.getJsonArray("emails").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("value"))
            .toList()
        : List.of();
  }

  /** The path of a userName look-up as Okta sends it. */
  private static String oktaLookup(String userName) {
    return "/Users?filter=" + eq(userName) + "&startIndex=1&count=100";
  }

  private static String eq(String userName) {
    return URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
  }

  private static String addMember(String id) {
    return "{\"schemas\":[\""
        + PATCH_OP
        + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
        + id
        + "\"}]}]}";
  }

  private void writeReport() {
    try {
      Files.write(Path.of("statement-counts.txt"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(String.join("\n", report));
  }
}
