package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What identifies a member, over HTTP: every member has its email as a SCIM email however it was
 * made, SCIM writes keep what they do not name, only userName is unique, statements name users by
 * userName or email, and SCIM pages come in one stable order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MemberIdentityIT {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String ADMIN = "admin@ident.example";

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
    Fixture fixture = http.oktaFixture("Ident", ADMIN);
    org = fixture.org();
    token = fixture.scimToken();
  }

  private Reply scim(String method, String path, String body) {
    return http.scim(org, token, method, path, body);
  }

  private Reply ok(String statement) {
    return http.ok(org, org.adminToken(), statement);
  }

  private Reply statement(String statement) {
    return http.statement(org, org.adminToken(), statement);
  }

  private static String filter(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  /** The one user the filter finds. */
  private JsonObject only(String filter) {
    Reply found = scim("GET", "/Users?filter=" + filter(filter), null);
    assertEquals(200, found.status(), found.body());
    assertEquals(1, found.json().getInt("totalResults"), filter + ": " + found.body());
    return found.json().getJsonArray("Resources").getJsonObject(0);
  }

  private static void assertWorkEmail(String address, JsonObject user) {
    JsonArray emails = user.getJsonArray("emails");
    assertTrue(emails != null && emails.size() == 1, user.toString());
    JsonObject email = emails.getJsonObject(0);
    assertEquals(address, email.getString("value"), user.toString());
    assertEquals("work", email.getString("type"), user.toString());
    assertTrue(email.getBoolean("primary"), user.toString());
  }

  private String create(String userName, String email) {
    Reply created =
        scim(
            "POST",
            "/Users",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
             "emails":[{"value":"%s","type":"work","primary":true}],"active":true}
            """
                .formatted(userName, email));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private Reply patchDisplayName(String id, String displayName) {
    return scim(
        "PATCH",
        "/Users/" + id,
        """
        {"schemas":["%s"],"Operations":[{"op":"replace","path":"displayName","value":"%s"}]}
        """
            .formatted(PATCH_OP, displayName));
  }

  /** The LIST USERS cell of the member with that userName. */
  private String cell(String userName, String column) {
    Reply users = ok("LIST USERS");
    int row = users.column("User Name").indexOf(userName);
    assertTrue(row >= 0, userName + " is not listed: " + users.body());
    return users.column(column).get(row);
  }

  @Test
  void theAdminAndAnInvitedMemberShowTheirEmailInScimAndFilters() {
    ok("INVITE USER 'bob@ident.example'");

    assertWorkEmail(ADMIN, only("userName eq \"" + ADMIN + "\""));
    assertWorkEmail("bob@ident.example", only("userName eq \"bob@ident.example\""));
    assertEquals(
        "bob@ident.example",
        only("emails[type eq \"work\"].value eq \"Bob@ident.example\"").getString("userName"));
    assertEquals(ADMIN, only("emails.value eq \"" + ADMIN + "\"").getString("userName"));
    assertEquals("bob@ident.example", cell("bob@ident.example", "Email"));
  }

  @Test
  void aDisplayNamePatchKeepsTheEmailAndEveryRole() {
    ok("CREATE ROLE analysts");
    ok("INVITE USER 'bob@ident.example' WITH ('role' = analysts)");
    String admin = only("userName eq \"" + ADMIN + "\"").getString("id");
    String bob = only("userName eq \"bob@ident.example\"").getString("id");

    Reply patchedAdmin = patchDisplayName(admin, "Ada Admin");
    assertEquals(200, patchedAdmin.status(), patchedAdmin.body());
    assertWorkEmail(ADMIN, patchedAdmin.json());
    assertTrue(patchedAdmin.json().getBoolean("orgadmin"), patchedAdmin.body());
    Reply patchedBob = patchDisplayName(bob, "Bob B");
    assertEquals(200, patchedBob.status(), patchedBob.body());
    assertWorkEmail("bob@ident.example", patchedBob.json());

    assertWorkEmail(ADMIN, scim("GET", "/Users/" + admin, null).json());
    assertWorkEmail("bob@ident.example", scim("GET", "/Users/" + bob, null).json());
    assertEquals(ADMIN, cell(ADMIN, "Email"));
    assertEquals("orgadmin", cell(ADMIN, "Roles"));
    assertEquals("bob@ident.example", cell("bob@ident.example", "Email"));
    assertEquals("analysts", cell("bob@ident.example", "Roles"));
    // the SCIM write linked them to the integration, and the admin's token still works
    assertEquals("okta", cell("bob@ident.example", "Managed By"));
    ok("LIST ROLES");
  }

  @Test
  void aPutWithoutEmailsKeepsThemAndAnEmptyListRemovesThem() {
    ok("INVITE USER 'bob@ident.example'");
    String bob = only("userName eq \"bob@ident.example\"").getString("id");

    Reply kept =
        scim(
            "PUT",
            "/Users/" + bob,
            "{\"userName\":\"bob@ident.example\",\"displayName\":\"Bob\",\"active\":true}");
    assertEquals(200, kept.status(), kept.body());
    assertWorkEmail("bob@ident.example", kept.json());
    assertEquals("Bob", kept.json().getString("displayName"));
    assertEquals("bob@ident.example", cell("bob@ident.example", "Email"));

    Reply removed =
        scim(
            "PUT",
            "/Users/" + bob,
            "{\"userName\":\"bob@ident.example\",\"emails\":[],\"active\":true}");
    assertEquals(200, removed.status(), removed.body());
    assertFalse(removed.json().containsKey("emails"), removed.body());
    assertFalse(scim("GET", "/Users/" + bob, null).json().containsKey("emails"));
    assertEquals(null, cell("bob@ident.example", "Email"));
  }

  @Test
  void aPutWithoutEmailsClearsTheEmailsTheIntegrationItselfSet() {
    String carol = create("carol", "carol@ident.example");
    Reply replaced = scim("PUT", "/Users/" + carol, "{\"userName\":\"carol\",\"active\":true}");
    assertEquals(200, replaced.status(), replaced.body());
    assertFalse(replaced.json().containsKey("emails"), replaced.body());
    assertEquals(null, cell("carol", "Email"));
  }

  @Test
  void twoUsersWithOneEmailAndDifferentUserNamesAreTwoMembers() {
    String first = create("shared.one", "team@ident.example");
    String second = create("shared.two", "team@ident.example");

    assertNotEquals(first, second);
    Reply users = ok("LIST USERS");
    assertTrue(
        users.column("User Name").containsAll(List.of("shared.one", "shared.two")), users.body());
    assertEquals("team@ident.example", cell("shared.two", "Email"));

    // the only real collision is a userName, and the detail says which
    Reply clash =
        scim(
            "POST",
            "/Users",
            "{\"userName\":\"Shared.ONE\",\"emails\":[{\"value\":\"other@ident.example\"}]}");
    assertEquals(409, clash.status(), clash.body());
    assertEquals("uniqueness", clash.json().getString("scimType"));
    assertTrue(clash.json().getString("detail").contains("userName Shared.ONE"), clash.body());
    assertFalse(clash.json().getString("detail").contains("shared.two"), clash.body());
  }

  @Test
  void statementsNameUsersByUserNameFirstAndRefuseAnAmbiguousEmail() {
    create("shared.one", "team@ident.example");
    create("shared.two", "team@ident.example");
    ok("CREATE ROLE analysts");

    ok("GRANT ROLE analysts TO USER 'Shared.One'");
    assertEquals("analysts", cell("shared.one", "Roles"));
    assertEquals("", cell("shared.two", "Roles"));
    Reply described = ok("DESCRIBE USER 'shared.one'");
    assertTrue(described.body().contains("analysts"), described.body());
    ok("REVOKE ROLE analysts FROM USER 'shared.one'");
    assertEquals("", cell("shared.one", "Roles"));
    ok("CREATE API_TOKEN svc WITH ('user' = 'shared.two')");

    for (String ambiguous :
        List.of(
            "GRANT ROLE analysts TO USER 'team@ident.example'",
            "REVOKE ROLE analysts FROM USER 'Team@ident.example'",
            "DESCRIBE USER 'team@ident.example'",
            "DROP USER 'team@ident.example'",
            "ALTER USER 'team@ident.example' SET ACTIVE = FALSE",
            "CREATE API_TOKEN svc2 WITH ('user' = 'team@ident.example')")) {
      Reply refused = statement(ambiguous);
      assertEquals(409, refused.status(), ambiguous + ": " + refused.body());
      String message = refused.json().getString("message");
      assertTrue(
          message.contains("shared.one") && message.contains("shared.two"),
          ambiguous + ": " + message);
    }
    assertEquals(
        2,
        ok("LIST USERS").column("User Name").stream().filter(n -> n.startsWith("shared")).count());

    // an email only one member has still names them
    create("solo", "solo@ident.example");
    ok("GRANT ROLE analysts TO USER 'SOLO@ident.example'");
    assertEquals("analysts", cell("solo", "Roles"));
  }

  @Test
  void aUserNameMatchWinsOverAnotherMembersEmail() {
    // robert is pushed first (an invited bob would have been adopted), then bob is invited: only
    // userName is unique, so the address robert has does not stop the invitation
    create("robert", "bob@ident.example");
    ok("INVITE USER 'bob@ident.example'");
    ok("CREATE ROLE analysts");

    ok("GRANT ROLE analysts TO USER 'bob@ident.example'");
    assertEquals("analysts", cell("bob@ident.example", "Roles"));
    assertEquals("", cell("robert", "Roles"));
  }

  @Test
  void anEmailSharedByUnmanagedMembersAdoptsTheOldest() {
    String oldest = create("old.one", "desk@ident.example");
    create("new.one", "desk@ident.example");
    // the integration is dropped: its members are no longer managed and may be adopted
    ok("DROP SECURITY INTEGRATION okta");
    token = http.oktaIntegration(org);
    int before = ok("LIST USERS").column("User Name").size();

    Reply adopted =
        scim(
            "POST",
            "/Users",
            "{\"userName\":\"desk\",\"emails\":[{\"value\":\"DESK@ident.example\",\"primary\":true}]}");
    assertEquals(201, adopted.status(), adopted.body());
    assertEquals(oldest, adopted.json().getString("id"));
    assertEquals(before, ok("LIST USERS").column("User Name").size(), "adopted, not added");

    // a userName match wins over the oldest email match
    Reply byName =
        scim(
            "POST",
            "/Users",
            "{\"userName\":\"new.one\",\"emails\":[{\"value\":\"desk@ident.example\",\"primary\":true}]}");
    assertEquals(201, byName.status(), byName.body());
    assertNotEquals(oldest, byName.json().getString("id"));
    assertEquals(before, ok("LIST USERS").column("User Name").size(), "adopted, not added");

    // both are managed now: the same email under a new userName is a new member
    String fresh = create("desk.two", "desk@ident.example");
    assertNotEquals(oldest, fresh);
    assertEquals(before + 1, ok("LIST USERS").column("User Name").size());
  }

  @Test
  void anAdoptionThatNamesNoEmailKeepsTheMembersEmail() {
    String admin = only("userName eq \"" + ADMIN + "\"").getString("id");

    Reply adopted =
        scim("POST", "/Users", "{\"userName\":\"" + ADMIN + "\",\"displayName\":\"Ada\"}");
    assertEquals(201, adopted.status(), adopted.body());
    assertEquals(admin, adopted.json().getString("id"));
    assertWorkEmail(ADMIN, adopted.json());
    assertWorkEmail(ADMIN, scim("GET", "/Users/" + admin, null).json());
    assertEquals(ADMIN, cell(ADMIN, "Email"));
    assertEquals("orgadmin", cell(ADMIN, "Roles"));
  }

  @Test
  void pagesWithoutSortByNeverSkipOrRepeat() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      made.add(create("page" + i, "page@ident.example"));
    }
    String all = filter("emails.value eq \"page@ident.example\"");
    Reply whole = scim("GET", "/Users?filter=" + all + "&count=100", null);
    List<String> once =
        whole.json().getJsonArray("Resources").getValuesAs(JsonObject.class).stream()
            .map(u -> u.getString("id"))
            .toList();
    List<String> paged = new ArrayList<>();
    for (int start = 1; start <= 7; start += 3) {
      Reply page = scim("GET", "/Users?filter=" + all + "&startIndex=" + start + "&count=3", null);
      assertEquals(200, page.status(), page.body());
      assertEquals(7, page.json().getInt("totalResults"));
      page.json().getJsonArray("Resources").getValuesAs(JsonObject.class).stream()
          .map(u -> u.getString("id"))
          .forEach(paged::add);
    }
    assertEquals(once, paged, "pages follow the one order");
    assertEquals(new HashSet<>(made), new HashSet<>(paged), "every member once");
    assertEquals(7, paged.size());
  }
}
