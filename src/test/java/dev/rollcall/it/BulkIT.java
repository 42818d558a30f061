package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
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

/** /Bulk, root /.search, and what groups an identity provider may see. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BulkIT {
  static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

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
    Fixture fixture = http.oktaFixture("Bulk", "admin@bulk.example");
    org = fixture.org();
    token = fixture.scimToken();
  }

  @Test
  void bulkResolvesBulkIdsInAnyOrderAndReportsEachOperation() {
    String body =
        """
        {"schemas":["%s"],"failOnErrors":10,"Operations":[
          {"method":"POST","path":"/Groups","bulkId":"g1","data":{"displayName":"Bulk Team","members":[{"value":"bulkId:u1"}]}},
          {"method":"POST","path":"/Users","bulkId":"u1","data":{"userName":"bulk1@bulk.example"}},
          {"method":"POST","path":"/Users","bulkId":"u2","data":{"userName":"bulk1@bulk.example"}},
          {"method":"PATCH","path":"/Users/bulkId:u1","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Bulk One"}]}},
          {"method":"POST","path":"/Groups","bulkId":"g2","data":{"displayName":"Dangling","members":[{"value":"bulkId:nowhere"}]}}
        ]}
        """
            .formatted(BULK);
    Reply reply = http.scim(org, token, "POST", "/Bulk", body);
    assertEquals(200, reply.status(), reply.body());
    List<JsonObject> results =
        reply.json().getJsonArray("Operations").getValuesAs(JsonObject.class);
    assertEquals(5, results.size(), reply.body());
    assertEquals(
        "201", results.get(0).getString("status"), "group created once its member existed");
    assertEquals("201", results.get(1).getString("status"));
    assertTrue(results.get(1).getString("location").contains("/Users/"));
    assertEquals("409", results.get(2).getString("status"), "duplicate userName");
    assertEquals("uniqueness", results.get(2).getJsonObject("response").getString("scimType"));
    assertEquals("200", results.get(3).getString("status"));
    assertEquals("409", results.get(4).getString("status"), "a reference that never resolves");

    Reply users = http.ok(org, org.adminToken(), "LIST USERS");
    List<String> names = users.column("User Name");
    assertTrue(names.contains("bulk1@bulk.example"), names.toString());
    assertEquals("Bulk Team", users.column("Roles").get(names.indexOf("bulk1@bulk.example")));
    assertFalse(http.ok(org, org.adminToken(), "LIST ROLES").column("Name").contains("Dangling"));
  }

  @Test
  void failOnErrorsStopsProcessingAndLimitsAreEnforced() {
    String body =
        """
        {"schemas":["%s"],"failOnErrors":1,"Operations":[
          {"method":"DELETE","path":"/Users/%s"},
          {"method":"POST","path":"/Users","bulkId":"late","data":{"userName":"late@bulk.example"}}
        ]}
        """
            .formatted(BULK, UUID.randomUUID());
    Reply reply = http.scim(org, token, "POST", "/Bulk", body);
    assertEquals(1, reply.json().getJsonArray("Operations").size(), reply.body());
    assertEquals(
        "404", reply.json().getJsonArray("Operations").getJsonObject(0).getString("status"));
    assertFalse(
        http.ok(org, org.adminToken(), "LIST USERS")
            .column("User Name")
            .contains("late@bulk.example"));

    StringBuilder many = new StringBuilder("{\"schemas\":[\"" + BULK + "\"],\"Operations\":[");
    for (int i = 0; i < 1001; i++) {
      many.append(i == 0 ? "" : ",").append("{\"method\":\"DELETE\",\"path\":\"/Users/x\"}");
    }
    Reply tooMany = http.scim(org, token, "POST", "/Bulk", many.append("]}").toString());
    assertEquals(413, tooMany.status());

    Reply config = http.scim(org, token, "GET", "/ServiceProviderConfig", null);
    assertTrue(config.json().getJsonObject("bulk").getBoolean("supported"));
    assertEquals(1000, config.json().getJsonObject("bulk").getInt("maxOperations"));
  }

  @Test
  void rootSearchSpansUsersAndGroups() {
    assertEquals(
        201,
        http.scim(org, token, "POST", "/Users", "{\"userName\":\"root@bulk.example\"}").status());
    assertEquals(
        201, http.scim(org, token, "POST", "/Groups", "{\"displayName\":\"Root Group\"}").status());
    Reply all =
        http.scim(
            org,
            token,
            "POST",
            "/.search",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"meta.created pr\"}");
    assertEquals(200, all.status(), all.body());
    assertEquals(
        3,
        all.json().getInt("totalResults"),
        "admin, the pushed user and the group: " + all.body());
    Reply users =
        http.scim(
            org,
            token,
            "POST",
            "/.search",
            "{\"filter\":\"userName eq \\\"root@bulk.example\\\"\"}");
    assertEquals(1, users.json().getInt("totalResults"), users.body());
  }

  @Test
  void onlyIntegrationManagedRolesAreGroupsAndNoOpWritesKeepTheVersion() {
    http.ok(org, org.adminToken(), "CREATE ROLE finance_admins");
    http.ok(org, org.adminToken(), "GRANT MANAGE_GRANTS ON ORGANIZATION TO ROLE finance_admins");
    Reply groups = http.scim(org, token, "GET", "/Groups", null);
    assertEquals(
        0,
        groups.json().getInt("totalResults"),
        "statement roles and the run-as role are not groups: " + groups.body());
    Reply clash = http.scim(org, token, "POST", "/Groups", "{\"displayName\":\"finance_admins\"}");
    assertEquals(409, clash.status());

    Reply user =
        http.scim(
            org,
            token,
            "POST",
            "/Users",
            "{\"userName\":\"same@bulk.example\",\"userType\":\"developer\"}");
    String id = user.json().getString("id");
    String version = user.json().getJsonObject("meta").getString("version");
    String patch =
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"userType\",\"value\":\"developer\"}]}";
    Reply again = http.scim(org, token, "PATCH", "/Users/" + id, patch);
    assertEquals(version, again.json().getJsonObject("meta").getString("version"));
    assertEquals(
        user.json().getJsonObject("meta").getString("lastModified"),
        again.json().getJsonObject("meta").getString("lastModified"));
    assertEquals(
        user.json().getJsonObject("meta").getString("created"),
        http.scim(org, token, "GET", "/Users/" + id, null)
            .json()
            .getJsonObject("meta")
            .getString("created"));
  }
}
