package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Okta's provisioning conversation replayed over HTTP (the requests Okta's SCIM 2.0 connector
 * sends), with the consequences checked through the statement API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OktaProvisioningIT {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

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
    Fixture fixture = http.oktaFixture("Okta", "admin@acme.example");
    org = fixture.org();
    token = fixture.scimToken();
  }

  private Reply scim(String method, String path, String body) {
    return http.scim(org, token, method, path, body);
  }

  private static String filter(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  private static String user(String userName, String given, String family) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
         "userName":"%1$s","name":{"givenName":"%2$s","familyName":"%3$s"},
         "emails":[{"primary":true,"value":"%1$s","type":"work"}],
         "displayName":"%2$s %3$s","locale":"en-US","externalId":"00u%2$s",
         "groups":[],"password":"never-stored","active":true}
        """
        .formatted(userName, given, family);
  }

  private String createUser(String userName, String given, String family) {
    Reply created = scim("POST", "/Users", user(userName, given, family));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private String rolesOf(String email) {
    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    int row = users.column("Email").indexOf(email);
    assertTrue(row >= 0, email + " is not a member: " + users.body());
    return users.column("Roles").get(row);
  }

  @Test
  void userLifecycleAsOktaRunsIt() {
    Reply lookup =
        scim(
            "GET",
            "/Users?filter="
                + filter("userName eq \"john@acme.example\"")
                + "&startIndex=1&count=100",
            null);
    assertEquals(200, lookup.status(), lookup.body());
    assertEquals(0, lookup.json().getInt("totalResults"));
    assertTrue(lookup.json().getJsonArray("Resources").isEmpty());

    Reply created = scim("POST", "/Users", user("john@acme.example", "John", "Doe"));
    assertEquals(201, created.status(), created.body());
    JsonObject john = created.json();
    String id = john.getString("id");
    assertEquals(
        http.base() + "scim/v2/" + org.id() + "/Users/" + id,
        created.header("Location").orElse(null));
    assertTrue(created.header("ETag").orElse("").startsWith("W/\""));
    assertFalse(john.containsKey("password"), "a password is never returned");
    assertEquals("User", john.getJsonObject("meta").getString("resourceType"));
    assertEquals("John", john.getJsonObject("name").getString("givenName"));
    assertTrue(john.getBoolean("active"));
    assertEquals("", rolesOf("john@acme.example"), "a pushed user holds no custom roles");

    Reply upper = scim("GET", "/Users?filter=" + filter("userName eq \"JOHN@ACME.EXAMPLE\""), null);
    assertEquals(1, upper.json().getInt("totalResults"), "userName matches ignoring case");
    assertEquals(id, upper.json().getJsonArray("Resources").getJsonObject(0).getString("id"));

    Reply again = scim("POST", "/Users", user("John@Acme.Example", "John", "Doe"));
    assertEquals(409, again.status());
    assertEquals("uniqueness", again.json().getString("scimType"));
    assertEquals("409", again.json().getString("status"));

    Reply fetched = scim("GET", "/Users/" + id, null);
    assertEquals(200, fetched.status());
    assertEquals("john@acme.example", fetched.json().getString("userName"));

    Reply replaced = scim("PUT", "/Users/" + id, user("john@acme.example", "Johnny", "Doe"));
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals("Johnny", replaced.json().getJsonObject("name").getString("givenName"));
    assertNotEquals(
        john.getJsonObject("meta").getString("version"),
        replaced.json().getJsonObject("meta").getString("version"));

    Reply deactivated =
        scim(
            "PATCH",
            "/Users/" + id,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
    assertEquals(200, deactivated.status(), deactivated.body());
    assertFalse(deactivated.json().getBoolean("active"));
    assertEquals(
        "Johnny",
        deactivated.json().getJsonObject("name").getString("givenName"),
        "PATCH keeps the rest");
    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    assertEquals(
        "false", users.column("Active").get(users.column("Email").indexOf("john@acme.example")));

    assertEquals(204, scim("DELETE", "/Users/" + id, null).status());
    assertFalse(
        http.ok(org, org.adminToken(), "LIST USERS").column("Email").contains("john@acme.example"));
    Reply gone = scim("GET", "/Users/" + id, null);
    assertEquals(404, gone.status());
    assertEquals(
        List.of("urn:ietf:params:scim:api:messages:2.0:Error"),
        List.of(gone.json().getJsonArray("schemas").getString(0)));
    assertEquals("404", gone.json().getString("status"));
  }

  @Test
  void pushedGroupsBecomeRolesAndMembershipFollows() {
    String john = createUser("john@acme.example", "John", "Doe");
    String jane = createUser("jane@acme.example", "Jane", "Roe");

    Reply created =
        scim(
            "POST",
            "/Groups",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Engineering\",\"members\":[]}");
    assertEquals(201, created.status(), created.body());
    String group = created.json().getString("id");
    assertTrue(http.ok(org, org.adminToken(), "LIST ROLES").column("Name").contains("Engineering"));
    Reply described = http.ok(org, org.adminToken(), "DESCRIBE ROLE \"Engineering\"");
    assertEquals(List.of("okta_skim_provisioner"), described.column("Owner"));
    assertEquals(List.of(""), described.column("Privileges"));

    Reply lookup =
        scim(
            "GET",
            "/Groups?filter="
                + filter("displayName eq \"engineering\"")
                + "&excludedAttributes=members",
            null);
    assertEquals(1, lookup.json().getInt("totalResults"));
    assertFalse(lookup.json().getJsonArray("Resources").getJsonObject(0).containsKey("members"));

    Reply added =
        scim(
            "PATCH",
            "/Groups/" + group,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + john
                + "\",\"display\":\"john@acme.example\"},{\"value\":\""
                + jane
                + "\"}]}]}");
    assertEquals(204, added.status(), added.body());
    assertEquals("Engineering", rolesOf("john@acme.example"));
    assertEquals("Engineering", rolesOf("jane@acme.example"));
    Reply withMembers = scim("GET", "/Groups/" + group, null);
    assertEquals(2, withMembers.json().getJsonArray("members").size());

    Reply renamed =
        scim(
            "PATCH",
            "/Groups/" + group,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"id\":\""
                + group
                + "\",\"displayName\":\"Engineering Team\"}}]}");
    assertEquals(204, renamed.status(), renamed.body());
    List<String> roles = http.ok(org, org.adminToken(), "LIST ROLES").column("Name");
    assertTrue(roles.contains("Engineering Team"), roles.toString());
    assertFalse(roles.contains("Engineering"), roles.toString());
    assertEquals("Engineering Team", rolesOf("john@acme.example"));

    Reply removed =
        scim(
            "PATCH",
            "/Groups/" + group,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + john
                + "\\\"]\"}]}");
    assertEquals(204, removed.status(), removed.body());
    assertEquals("", rolesOf("john@acme.example"));
    assertEquals("Engineering Team", rolesOf("jane@acme.example"), "only the named member left");

    assertEquals(204, scim("DELETE", "/Groups/" + group, null).status());
    assertFalse(
        http.ok(org, org.adminToken(), "LIST ROLES").column("Name").contains("Engineering Team"));
    assertEquals("", rolesOf("jane@acme.example"));
    assertEquals(404, scim("GET", "/Groups/" + group, null).status());
  }

  @Test
  void groupsThatCannotBeRolesAreRefused() {
    Reply builtIn = scim("POST", "/Groups", "{\"displayName\":\"orgadmin\"}");
    assertEquals(400, builtIn.status());
    assertEquals(201, scim("POST", "/Groups", "{\"displayName\":\"Sales\"}").status());
    Reply duplicate = scim("POST", "/Groups", "{\"displayName\":\"Sales\"}");
    assertEquals(409, duplicate.status());
    assertEquals("uniqueness", duplicate.json().getString("scimType"));

    String stranger = UUID.randomUUID().toString();
    Reply unknownMember =
        scim(
            "POST",
            "/Groups",
            "{\"displayName\":\"Support\",\"members\":[{\"value\":\"" + stranger + "\"}]}");
    assertEquals(400, unknownMember.status());
    assertEquals("invalidValue", unknownMember.json().getString("scimType"));
    assertTrue(unknownMember.json().getString("detail").contains(stranger));
    assertFalse(
        http.ok(org, org.adminToken(), "LIST ROLES").column("Name").contains("Support"),
        "nothing was created");
  }

  @Test
  void theOrgadminAttributeGrantsAndRevokesTheBuiltInRole() {
    String id = createUser("ops@acme.example", "Op", "S");
    Reply granted =
        scim(
            "PATCH",
            "/Users/" + id,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"orgadmin\",\"value\":true}]}");
    assertEquals(200, granted.status(), granted.body());
    assertTrue(granted.json().getBoolean("orgadmin"));
    assertEquals("orgadmin", rolesOf("ops@acme.example"));
    Reply revoked =
        scim(
            "PATCH",
            "/Users/" + id,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"orgadmin\":false}}]}");
    assertEquals(200, revoked.status(), revoked.body());
    assertEquals("", rolesOf("ops@acme.example"));
  }

  @Test
  void theAdminWhoSetTheIntegrationUpIsAdoptedNotDuplicated() {
    Reply adopted = scim("POST", "/Users", user("admin@acme.example", "Ada", "Admin"));
    assertEquals(201, adopted.status(), adopted.body());
    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    assertEquals(List.of("admin@acme.example"), users.column("Email"));
    assertEquals(List.of("okta"), users.column("Managed By"));
    assertTrue(adopted.json().getBoolean("orgadmin"), "the admin keeps orgadmin");
    http.ok(org, org.adminToken(), "LIST ROLES");
  }

  @Test
  void anUnmanagedMemberIsAdoptedByAnyOfTheirEmailsUnderAnotherUserName() throws Exception {
    // the same address in another organization is never a match
    Organization other =
        http.createOrganization("Other " + UUID.randomUUID(), "other@acme.example");
    http.ok(other, other.adminToken(), "INVITE USER 'bob@acme.example'");
    // a member added by a statement: their address is their userName and their only email
    http.ok(org, org.adminToken(), "INVITE USER 'bob@acme.example'");
    // a user pushed with two emails by an integration that was dropped since: no longer managed
    Reply pushed =
        scim(
            "POST",
            "/Users",
            """
            {"userName":"carol@acme.example",
             "emails":[{"value":"carol@acme.example","primary":true},
                       {"value":"c.smith@acme.example","type":"other"}]}
            """);
    assertEquals(201, pushed.status(), pushed.body());
    http.ok(org, org.adminToken(), "DROP SECURITY INTEGRATION okta");
    token = http.oktaIntegration(org);
    List<String> before = http.ok(org, org.adminToken(), "LIST USERS").column("User Name");

    Reply bob =
        scim(
            "POST",
            "/Users",
            user("bob.jones", "Bob", "Jones")
                .replace("\"value\":\"bob.jones\"", "\"value\":\"Bob@Acme.example\""));
    assertEquals(201, bob.status(), bob.body());
    Reply carol =
        scim(
            "POST",
            "/Users",
            """
            {"userName":"csmith","emails":[{"value":"C.Smith@acme.example","primary":true}]}
            """);
    assertEquals(201, carol.status(), carol.body());

    assertEquals(pushed.json().getString("id"), carol.json().getString("id"));
    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    assertEquals(before.size(), users.column("User Name").size(), "adopted, not added");
    assertTrue(users.column("User Name").containsAll(List.of("bob.jones", "csmith")));
    assertFalse(users.column("User Name").contains("bob@acme.example"), users.body());
    assertEquals(
        List.of("bob@acme.example"),
        http.ok(other, other.adminToken(), "LIST USERS").column("User Name").stream()
            .filter(name -> name.startsWith("bob"))
            .toList(),
        "the other organization's member is untouched");
  }

  @Test
  void pagingCountsEveryMatchAndPagesInTheDatabase() {
    for (int i = 0; i < 5; i++) {
      createUser("page" + i + "@acme.example", "P" + i, "Q");
    }
    String query = "/Users?filter=" + filter("userName sw \"page\"");
    Reply first = scim("GET", query + "&startIndex=1&count=2", null);
    assertEquals(5, first.json().getInt("totalResults"));
    assertEquals(2, first.json().getInt("itemsPerPage"));
    assertEquals(1, first.json().getInt("startIndex"));
    Reply last = scim("GET", query + "&startIndex=5&count=2", null);
    assertEquals(1, last.json().getJsonArray("Resources").size());
    Reply onlyTotal = scim("GET", query + "&count=0", null);
    assertEquals(5, onlyTotal.json().getInt("totalResults"));
    assertTrue(onlyTotal.json().getJsonArray("Resources").isEmpty());
    Reply sorted = scim("GET", query + "&sortBy=userName&sortOrder=descending", null);
    assertEquals(
        "page4@acme.example",
        sorted.json().getJsonArray("Resources").getJsonObject(0).getString("userName"));
    Reply badFilter = scim("GET", "/Users?filter=" + filter("userName equals \"x\""), null);
    assertEquals(400, badFilter.status());
    assertEquals("invalidFilter", badFilter.json().getString("scimType"));
  }

  @Test
  void twoOrganizationsPushingTheSameNamesStaySeparate() throws Exception {
    Organization other =
        http.createOrganization("Other " + UUID.randomUUID(), "admin@other.example");
    String otherToken = http.oktaIntegration(other);
    String here = createUser("shared@acme.example", "S", "H");
    Reply there =
        http.scim(other, otherToken, "POST", "/Users", user("shared@acme.example", "S", "T"));
    assertEquals(201, there.status(), there.body());
    assertNotEquals(here, there.json().getString("id"));
    assertEquals(201, scim("POST", "/Groups", "{\"displayName\":\"Shared\"}").status());
    assertEquals(
        201,
        http.scim(other, otherToken, "POST", "/Groups", "{\"displayName\":\"Shared\"}").status());
    assertEquals(404, http.scim(other, otherToken, "GET", "/Users/" + here, null).status());
    Reply otherSearch =
        http.scim(
            other,
            otherToken,
            "GET",
            "/Users?filter=" + filter("userName eq \"shared@acme.example\""),
            null);
    assertEquals(1, otherSearch.json().getInt("totalResults"));
  }
}
