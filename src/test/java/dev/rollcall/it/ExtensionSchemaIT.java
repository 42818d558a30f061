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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An integration's declared extension schema: listed, validated, stored, returned, filterable. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExtensionSchemaIT {
  static final String DEMO = "urn:ietf:params:scim:schemas:extension:demo:2.0:User";

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
        http.fixture(
            "Ext",
            "admin@ext.example",
            "OKTA",
            "okta_skim_provisioner",
            ", 'scim.extension' = '"
                + DEMO
                + "', 'scim.extension.attributes' = 'badgeNumber string, clearance integer,"
                + " contractor boolean, startDate dateTime'");
    org = fixture.org();
    token = fixture.scimToken();
  }

  private Reply create(String userName, String badge, int clearance, boolean contractor) {
    return http.scim(
        org,
        token,
        "POST",
        "/Users",
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"%s",
         "%1$s":{"badgeNumber":"%s","clearance":%d,"contractor":%s,"startDate":"2024-03-01T00:00:00Z","undeclared":"x"}}
        """
            .formatted(DEMO, userName, badge, clearance, contractor));
  }

  private int count(String filter) {
    Reply reply =
        http.scim(
            org,
            token,
            "GET",
            "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
            null);
    assertEquals(200, reply.status(), filter + ": " + reply.body());
    return reply.json().getInt("totalResults");
  }

  @Test
  void declaredAttributesAreStoredReturnedListedAndFilterable() {
    Reply created = create("ext1@ext.example", "B-1", 3, true);
    assertEquals(201, created.status(), created.body());
    JsonObject demo = created.json().getJsonObject(DEMO);
    assertEquals("B-1", demo.getString("badgeNumber"));
    assertEquals(3, demo.getInt("clearance"));
    assertTrue(demo.getBoolean("contractor"));
    assertFalse(demo.containsKey("undeclared"), "undeclared attributes are ignored");
    assertTrue(created.json().getJsonArray("schemas").toString().contains(DEMO));
    assertEquals(201, create("ext2@ext.example", "B-2", 7, false).status());

    Reply schemas = http.scim(org, token, "GET", "/Schemas", null);
    assertTrue(schemas.body().contains(DEMO), schemas.body());
    assertEquals(200, http.scim(org, token, "GET", "/Schemas/" + DEMO, null).status());

    assertEquals(1, count(DEMO + ":badgeNumber eq \"b-2\""));
    assertEquals(1, count("clearance gt 5"));
    assertEquals(2, count("clearance ge 3 and startDate lt \"2025-01-01T00:00:00Z\""));
    assertEquals(1, count("contractor eq true"));
    assertEquals(2, count("badgeNumber pr"));

    String id = created.json().getString("id");
    Reply patched =
        http.scim(
            org,
            token,
            "PATCH",
            "/Users/" + id,
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\""
                + DEMO
                + ":clearance\",\"value\":9}]}");
    assertEquals(200, patched.status(), patched.body());
    assertEquals(9, patched.json().getJsonObject(DEMO).getInt("clearance"));
    assertEquals(2, count("clearance gt 5"));

    Reply description = http.ok(org, org.adminToken(), "DESCRIBE SECURITY INTEGRATION okta");
    assertTrue(description.column("Extension").get(0).contains("clearance integer"));
  }

  @Test
  void anotherIntegrationsDeclarationAppliesFromTheNextRequest() {
    String second = "urn:example:params:scim:schemas:extension:second:2.0:User";
    assertFalse(http.scim(org, token, "GET", "/Schemas", null).body().contains(second));

    http.ok(
        org,
        org.adminToken(),
        "CREATE SECURITY INTEGRATION entra WITH ('type' = SCIM, 'scim.client' = ENTRA_ID,"
            + " 'scim.run_as_role' = okta_skim_provisioner, 'scim.extension' = '"
            + second
            + "', 'scim.extension.attributes' = 'shoeSize integer')");

    Reply schemas = http.scim(org, token, "GET", "/Schemas", null);
    assertTrue(schemas.body().contains(second), schemas.body());
  }

  @Test
  void valuesAreCheckedAgainstTheDeclaredTypes() {
    Reply wrong =
        http.scim(
            org,
            token,
            "POST",
            "/Users",
            "{\"userName\":\"bad@ext.example\",\"" + DEMO + "\":{\"clearance\":\"high\"}}");
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals("invalidValue", wrong.json().getString("scimType"));
    assertTrue(wrong.json().getString("detail").contains("clearance"), wrong.body());

    Reply badDeclaration =
        http.statement(
            org,
            org.adminToken(),
            "CREATE SECURITY INTEGRATION other WITH ('type' = SCIM, 'scim.client' = GENERIC, 'scim.run_as_role' = okta_skim_provisioner, 'scim.extension' = 'urn:x:y', 'scim.extension.attributes' = 'userName string')");
    assertEquals(400, badDeclaration.status());
    assertTrue(
        badDeclaration.json().getString("message").contains("userName"), badDeclaration.body());
  }
}
