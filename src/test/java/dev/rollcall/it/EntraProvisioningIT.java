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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * A Microsoft Entra ID provisioning cycle replayed over HTTP, in the shapes Entra sends:
 * capitalised ops, booleans as strings, path-less PATCH values with dotted and URN-qualified keys,
 * filtered email paths, member removal by value array, and the enterprise extension.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EntraProvisioningIT {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

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
    Fixture fixture =
        http.fixture("Contoso", "admin@contoso.example", "ENTRA_ID", "entra_provisioner");
    org = fixture.org();
    token = fixture.scimToken();
  }

  private Reply scim(String method, String path, String body) {
    return http.scim(org, token, method, path, body);
  }

  private static String q(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  private static String patch(String operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}";
  }

  private String createUser(String userName, String externalId) {
    String body =
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%3$s"],
         "externalId":"%2$s","userName":"%1$s","active":true,"displayName":"%1$s",
         "emails":[{"primary":true,"type":"work","value":"%1$s"}],
         "meta":{"resourceType":"User"},
         "name":{"formatted":"Alice Smith","familyName":"Smith","givenName":"Alice"},
         "roles":[],
         "%3$s":{"department":"Sales","employeeNumber":"42"}}
        """
            .formatted(userName, externalId, ENTERPRISE);
    Reply created = scim("POST", "/Users", body);
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private Set<String> groupMembers(String groupId) {
    Set<String> ids = new TreeSet<>();
    for (JsonObject m :
        scim("GET", "/Groups/" + groupId, null)
            .json()
            .getJsonArray("members")
            .getValuesAs(JsonObject.class)) {
      ids.add(m.getString("value"));
    }
    return ids;
  }

  @Test
  void userCycleInEntraShapes() {
    Reply probe =
        scim("GET", "/Users?filter=" + q("userName eq \"" + UUID.randomUUID() + "\""), null);
    assertEquals(200, probe.status());
    assertEquals(0, probe.json().getInt("totalResults"));

    String id = createUser("alice@contoso.example", "ext-alice");
    Reply byExternalId = scim("GET", "/Users?filter=" + q("externalId eq \"ext-alice\""), null);
    assertEquals(1, byExternalId.json().getInt("totalResults"));
    JsonObject alice = byExternalId.json().getJsonArray("Resources").getJsonObject(0);
    assertEquals("Sales", alice.getJsonObject(ENTERPRISE).getString("department"));
    assertEquals("42", alice.getJsonObject(ENTERPRISE).getString("employeeNumber"));

    String managerId = createUser("boss@contoso.example", "ext-boss");
    Reply patched =
        scim(
            "PATCH",
            "/Users/" + id,
            patch(
                """
                {"op":"Replace","path":"displayName","value":"Alice B"},
                {"op":"Add","path":"emails[type eq \\"home\\"].value","value":"alice@home.example"},
                {"op":"Replace","path":"%1$s:department","value":"Marketing"},
                {"op":"Add","path":"%1$s:manager","value":"%2$s"},
                {"op":"Replace","path":"name.givenName","value":"Alicia"}
                """
                    .formatted(ENTERPRISE, managerId)));
    assertEquals(200, patched.status(), patched.body());
    JsonObject after = patched.json();
    assertEquals("Alice B", after.getString("displayName"));
    assertEquals("Alicia", after.getJsonObject("name").getString("givenName"));
    assertEquals("Marketing", after.getJsonObject(ENTERPRISE).getString("department"));
    assertEquals(
        managerId, after.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"));
    assertEquals(2, after.getJsonArray("emails").size(), after.toString());

    Reply dotted =
        scim(
            "PATCH",
            "/Users/" + id,
            patch(
                "{\"op\":\"replace\",\"value\":{\"name.familyName\":\"Brown\",\""
                    + ENTERPRISE
                    + ":costCenter\":\"CC-9\"}}"));
    assertEquals(200, dotted.status(), dotted.body());
    assertEquals("Brown", dotted.json().getJsonObject("name").getString("familyName"));
    assertEquals("CC-9", dotted.json().getJsonObject(ENTERPRISE).getString("costCenter"));

    Reply byDepartment =
        scim("GET", "/Users?filter=" + q(ENTERPRISE + ":department eq \"marketing\""), null);
    assertEquals(1, byDepartment.json().getInt("totalResults"));
    Reply byManager =
        scim("GET", "/Users?filter=" + q("manager.value eq \"" + managerId + "\""), null);
    assertEquals(1, byManager.json().getInt("totalResults"));

    Reply disabled =
        scim(
            "PATCH",
            "/Users/" + id,
            patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
    assertEquals(200, disabled.status(), disabled.body());
    assertFalse(disabled.json().getBoolean("active"));
    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    assertEquals(
        "false",
        users.column("Active").get(users.column("Email").indexOf("alice@contoso.example")));

    assertEquals(204, scim("DELETE", "/Users/" + id, null).status());
    assertEquals(404, scim("GET", "/Users/" + id, null).status());
  }

  @Test
  void groupCycleInEntraShapes() {
    String u1 = createUser("u1@contoso.example", "e1");
    String u2 = createUser("u2@contoso.example", "e2");
    String u3 = createUser("u3@contoso.example", "e3");
    Reply created =
        scim(
            "POST",
            "/Groups",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"externalId\":\"g-ext\",\"displayName\":\"Contoso Admins\",\"members\":[]}");
    assertEquals(201, created.status(), created.body());
    String group = created.json().getString("id");

    Reply lookup =
        scim(
            "GET",
            "/Groups?excludedAttributes=members&filter=" + q("displayName eq \"Contoso Admins\""),
            null);
    assertEquals(1, lookup.json().getInt("totalResults"));
    assertFalse(lookup.json().getJsonArray("Resources").getJsonObject(0).containsKey("members"));
    assertEquals(
        1,
        scim("GET", "/Groups?filter=" + q("externalId eq \"g-ext\""), null)
            .json()
            .getInt("totalResults"));
    assertEquals(
        0,
        scim("GET", "/Groups?filter=" + q("displayName eq \"nobody\""), null)
            .json()
            .getInt("totalResults"));

    Reply added =
        scim(
            "PATCH",
            "/Groups/" + group,
            patch(
                "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + u1
                    + "\"},{\"value\":\""
                    + u2
                    + "\"}]}"));
    assertEquals(204, added.status(), added.body());
    assertEquals(new TreeSet<>(Set.of(u1, u2)), groupMembers(group));

    Reply removed =
        scim(
            "PATCH",
            "/Groups/" + group,
            patch(
                "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + u1 + "\"}]}"));
    assertEquals(204, removed.status(), removed.body());
    assertEquals(Set.of(u2), groupMembers(group), "only the listed member is removed, never all");

    Reply both =
        scim(
            "PATCH",
            "/Groups/" + group,
            patch(
                "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + u3
                    + "\"}]},"
                    + "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + u2
                    + "\"}]},"
                    + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Contoso Owners\"}"));
    assertEquals(204, both.status(), both.body());
    assertEquals(Set.of(u3), groupMembers(group));
    assertTrue(
        http.ok(org, org.adminToken(), "LIST ROLES").column("Name").contains("Contoso Owners"));

    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    assertEquals(
        "Contoso Owners",
        users.column("Roles").get(users.column("Email").indexOf("u3@contoso.example")));
    assertEquals(
        List.of("entra"),
        List.of(
            users.column("Managed By").get(users.column("Email").indexOf("u3@contoso.example"))));
    assertEquals(204, scim("DELETE", "/Groups/" + group, null).status());
  }

  @Test
  void patchErrorsChangeNothing() {
    String id = createUser("err@contoso.example", "eerr");
    Reply unknownOp =
        scim(
            "PATCH",
            "/Users/" + id,
            patch("{\"op\":\"move\",\"path\":\"displayName\",\"value\":\"x\"}"));
    assertEquals(400, unknownOp.status());
    assertEquals("invalidSyntax", unknownOp.json().getString("scimType"));
    Reply removeRequired =
        scim(
            "PATCH",
            "/Users/" + id,
            patch(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"changed\"},{\"op\":\"remove\",\"path\":\"userName\"}"));
    assertEquals(400, removeRequired.status());
    assertEquals("mutability", removeRequired.json().getString("scimType"));
    assertEquals(
        "err@contoso.example",
        scim("GET", "/Users/" + id, null).json().getString("displayName"),
        "the first operation was not applied either");
  }
}
