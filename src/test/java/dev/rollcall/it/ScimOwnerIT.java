package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "SCIM acts for its integration's owner", attack first: a useradmin's integration must not make
 * anyone orgadmin (themselves included) nor add members to groups that carry more than the
 * useradmin holds; an owner who loses orgadmin, is deactivated or dropped stops the orgadmin
 * attribute at once; a run-as role may not be or inherit a built-in role. The seeds' flow (an
 * orgadmin's Okta integration pushing orgadmins) keeps working.
 */
@ExtendWith(ArquillianExtension.class)
class ScimOwnerIT {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ADMIN = "admin@owner.example";

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestSupport(ScimOwnerIT.class, Http.class);
  }

  @ArquillianResource URL base;

  Http http;
  Organization org;

  @BeforeEach
  void organization() throws Exception {
    http = new Http(base.toURI());
    org = http.createOrganization("Owner " + UUID.randomUUID(), ADMIN);
  }

  /** A member holding {@code role}, invited by the admin; their API token. */
  private String member(String email, String role) {
    admin("INVITE USER '" + email + "'");
    admin("GRANT ROLE " + role + " TO USER '" + email + "'");
    return admin(
            "CREATE API_TOKEN t"
                + UUID.randomUUID().toString().substring(0, 8)
                + " WITH ('user' = '"
                + email
                + "')")
        .column("Token")
        .get(0);
  }

  private Reply admin(String statement) {
    return http.ok(org, org.adminToken(), statement);
  }

  /** A useradmin's integration acting as a custom role they made and gave MANAGE_MEMBERS. */
  private String useradminIntegration(String useradminToken) {
    http.ok(org, useradminToken, "CREATE ROLE provisioner");
    http.ok(org, useradminToken, "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE provisioner");
    return http.ok(
            org,
            useradminToken,
            "CREATE SECURITY INTEGRATION sneaky WITH ('type' = SCIM, 'scim.client' = OKTA,"
                + " 'scim.run_as_role' = provisioner)")
        .column("Token")
        .get(0);
  }

  /** An Okta integration created (and so owned) by the member whose token this is. */
  private String oktaIntegration(String ownerToken, String name) {
    http.ok(org, ownerToken, "CREATE ROLE IF NOT EXISTS okta_skim_provisioner");
    http.ok(org, ownerToken, "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE okta_skim_provisioner");
    return http.ok(
            org,
            ownerToken,
            "CREATE SECURITY INTEGRATION "
                + name
                + " WITH ('type' = SCIM, 'scim.client' = OKTA, 'scim.run_as_role' ="
                + " okta_skim_provisioner)")
        .column("Token")
        .get(0);
  }

  private Reply scim(String token, String method, String path, String body) {
    return http.scim(org, token, method, path, body);
  }

  private static String user(String userName, Boolean orgadmin) {
    return "{\"schemas\":[\""
        + USER
        + "\"],\"userName\":\""
        + userName
        + "\",\"emails\":[{\"primary\":true,\"value\":\""
        + userName
        + "\",\"type\":\"work\"}],\"active\":true"
        + (orgadmin == null ? "" : ",\"orgadmin\":" + orgadmin)
        + "}";
  }

  private static String setOrgadmin(boolean value) {
    return "{\"schemas\":[\""
        + PATCH_OP
        + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"orgadmin\",\"value\":"
        + value
        + "}]}";
  }

  private static String addMember(String id) {
    return "{\"schemas\":[\""
        + PATCH_OP
        + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
        + id
        + "\"}]}]}";
  }

  private String created(Reply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  /** The member's effective roles, as DESCRIBE USER shows them. */
  private List<String> effectiveRoles(String email) {
    String roles = admin("DESCRIBE USER '" + email + "'").column("Effective Roles").get(0);
    return Arrays.stream(roles.split(",")).map(String::strip).toList();
  }

  private boolean exists(String token, String userName) {
    Reply found =
        scim(
            token,
            "GET",
            "/Users?filter="
                + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8),
            null);
    assertEquals(200, found.status(), found.body());
    return found.json().getInt("totalResults") > 0;
  }

  private static void forbidden(Reply reply, String... named) {
    assertEquals(403, reply.status(), reply.body());
    String detail = reply.json().getString("detail");
    assertTrue(
        reply.json().getJsonArray("schemas").toString().contains("messages:2.0:Error"),
        reply.body());
    for (String text : named) {
      assertTrue(detail.contains(text), "'" + text + "' not in: " + detail);
    }
  }

  @Test
  void aRunAsRoleThatIsOrInheritsABuiltInRoleIsRefused() {
    String useradmin = member("ua@owner.example", "useradmin");

    Reply builtIn =
        http.statement(
            org,
            useradmin,
            "CREATE SECURITY INTEGRATION sneaky WITH ('type' = SCIM, 'scim.client' = OKTA,"
                + " 'scim.run_as_role' = useradmin)");
    assertEquals(400, builtIn.status(), builtIn.body());
    assertTrue(builtIn.body().contains("built-in role useradmin"), builtIn.body());

    admin("CREATE ROLE middle");
    admin("GRANT ROLE useradmin TO ROLE middle");
    Reply inherits =
        http.statement(
            org,
            org.adminToken(),
            "CREATE SECURITY INTEGRATION sneaky WITH ('type' = SCIM, 'scim.client' = OKTA,"
                + " 'scim.run_as_role' = middle)");
    assertEquals(400, inherits.status(), inherits.body());
    assertTrue(inherits.body().contains("inherits built-in role useradmin"), inherits.body());

    assertEquals(List.of(), admin("LIST SECURITY INTEGRATIONS").column("Name"));
  }

  @Test
  void aUseradminsIntegrationMakesNobodyOrgadmin() {
    String useradmin = member("ua@owner.example", "useradmin");
    member("admin2@owner.example", "orgadmin");
    String token = useradminIntegration(useradmin);
    assertEquals(
        "ua@owner.example", admin("DESCRIBE SECURITY INTEGRATION sneaky").column("Owner").get(0));

    // adopts the useradmin's own member, then tries to make it orgadmin
    String self = created(scim(token, "POST", "/Users", user("ua@owner.example", null)));
    forbidden(
        scim(token, "PATCH", "/Users/" + self, setOrgadmin(true)),
        "sneaky",
        "ua@owner.example",
        "does not hold orgadmin",
        "GRANT ROLE orgadmin TO USER 'ua@owner.example'",
        "ALTER SECURITY INTEGRATION sneaky RENEW TOKEN");
    forbidden(scim(token, "PUT", "/Users/" + self, user("ua@owner.example", true)));
    assertFalse(effectiveRoles("ua@owner.example").contains("orgadmin"));
    assertEquals(
        "false",
        http.ok(org, useradmin, "CAN I MANAGE_GRANTS ON ORGANIZATION").column("Allowed").get(0));

    // a new orgadmin, directly and through Bulk
    forbidden(
        scim(token, "POST", "/Users", user("puppet@owner.example", true)),
        "does not hold orgadmin");
    Reply bulk =
        scim(
            token,
            "POST",
            "/Bulk",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"p\","
                + "\"data\":"
                + user("bulkpuppet@owner.example", true)
                + "}]}");
    assertEquals(200, bulk.status(), bulk.body());
    assertEquals(
        "403", bulk.json().getJsonArray("Operations").getJsonObject(0).getString("status"));
    assertFalse(exists(token, "puppet@owner.example"), "no user was created");
    assertFalse(exists(token, "bulkpuppet@owner.example"), "no user was created");

    // nor take orgadmin away from an orgadmin
    String other = created(scim(token, "POST", "/Users", user("admin2@owner.example", null)));
    forbidden(
        scim(token, "PATCH", "/Users/" + other, setOrgadmin(false)),
        "revoking orgadmin from admin2@owner.example");
    assertTrue(effectiveRoles("admin2@owner.example").contains("orgadmin"));
    // ... nor switch off or delete them
    forbidden(
        scim(
            token,
            "PATCH",
            "/Users/" + other,
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"),
        "deactivating admin2@owner.example");
    forbidden(scim(token, "DELETE", "/Users/" + other, null), "deleting admin2@owner.example");
    assertEquals(
        List.of("true"),
        admin("DESCRIBE USER 'admin2@owner.example'").column("Active"),
        "still there and active");

    // what the useradmin may hand out still works
    created(scim(token, "POST", "/Users", user("plain@owner.example", false)));
  }

  @Test
  void aGroupThatCarriesPowerIsJoinedOnlyThroughAnOwnerWhoHoldsIt() {
    String useradmin = member("ua@owner.example", "useradmin");
    String token = useradminIntegration(useradmin);
    String user = created(scim(token, "POST", "/Users", user("joiner@owner.example", null)));
    String admins =
        created(scim(token, "POST", "/Groups", "{\"displayName\":\"admins\",\"members\":[]}"));
    String builders =
        created(scim(token, "POST", "/Groups", "{\"displayName\":\"builders\",\"members\":[]}"));
    String plain =
        created(scim(token, "POST", "/Groups", "{\"displayName\":\"plain\",\"members\":[]}"));
    admin("GRANT ROLE orgadmin TO ROLE admins");
    admin("GRANT CREATE_DATABASE ON ORGANIZATION TO ROLE builders");

    forbidden(
        scim(token, "PATCH", "/Groups/" + admins, addMember(user)),
        "ua@owner.example",
        "built-in role orgadmin",
        "adding members to group admins");
    forbidden(
        scim(
            token,
            "PUT",
            "/Groups/" + admins,
            "{\"displayName\":\"admins\",\"members\":[{\"value\":\"" + user + "\"}]}"));
    forbidden(
        scim(token, "PATCH", "/Groups/" + builders, addMember(user)),
        "CREATE_DATABASE",
        "adding members to group builders");
    assertEquals(List.of("public"), effectiveRoles("joiner@owner.example"));
    Reply joined = scim(token, "PATCH", "/Groups/" + plain, addMember(user));
    assertEquals(204, joined.status(), joined.body());

    // an orgadmin's integration may
    String okta = oktaIntegration(org.adminToken(), "okta");
    Reply granted = scim(okta, "PATCH", "/Groups/" + admins, addMember(user));
    assertEquals(204, granted.status(), granted.body());
    assertTrue(effectiveRoles("joiner@owner.example").contains("orgadmin"));
  }

  @Test
  void theOwnerLosingOrgadminStopsTheOrgadminAttributeAtOnceAndRenewingRestoresIt() {
    String admin2 = member("admin2@owner.example", "orgadmin");
    String token = oktaIntegration(admin2, "okta");
    assertEquals(
        List.of("admin2@owner.example"), admin("LIST SECURITY INTEGRATIONS").column("Owner"));

    // the seeds' flow: an orgadmin's Okta integration pushes an orgadmin
    String pushed = created(scim(token, "POST", "/Users", user("pushed@owner.example", true)));
    assertTrue(scim(token, "GET", "/Users/" + pushed, null).json().getBoolean("orgadmin"));
    assertTrue(effectiveRoles("pushed@owner.example").contains("orgadmin"));

    admin("REVOKE ROLE orgadmin FROM USER 'admin2@owner.example'");
    // right away: the token is still remembered, what its owner holds is not
    forbidden(
        scim(token, "POST", "/Users", user("late@owner.example", true)),
        "admin2@owner.example",
        "does not hold orgadmin",
        "GRANT ROLE orgadmin TO USER 'admin2@owner.example'",
        "ALTER SECURITY INTEGRATION okta RENEW TOKEN");
    assertFalse(exists(token, "late@owner.example"));
    // provisioning that hands nothing out goes on
    created(scim(token, "POST", "/Users", user("plain@owner.example", null)));

    String renewed = admin("ALTER SECURITY INTEGRATION okta RENEW TOKEN").column("Token").get(0);
    assertEquals(ADMIN, admin("DESCRIBE SECURITY INTEGRATION okta").column("Owner").get(0));
    String late = created(scim(renewed, "POST", "/Users", user("late@owner.example", true)));
    assertTrue(scim(renewed, "GET", "/Users/" + late, null).json().getBoolean("orgadmin"));
  }

  @Test
  void aDeactivatedOrDroppedOwnerStopsTheOrgadminAttribute() {
    String admin2 = member("admin2@owner.example", "orgadmin");
    String token = oktaIntegration(admin2, "okta");
    created(scim(token, "POST", "/Users", user("first@owner.example", true)));

    String owner = created(scim(token, "POST", "/Users", user("admin2@owner.example", null)));
    Reply deactivated =
        scim(
            token,
            "PATCH",
            "/Users/" + owner,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
    assertEquals(200, deactivated.status(), deactivated.body());
    forbidden(
        scim(token, "POST", "/Users", user("second@owner.example", true)),
        "admin2@owner.example",
        "is deactivated",
        "ALTER SECURITY INTEGRATION okta RENEW TOKEN");

    admin("DROP USER 'admin2@owner.example'");
    assertEquals(
        java.util.Collections.singletonList(null),
        admin("LIST SECURITY INTEGRATIONS").column("Owner"));
    forbidden(
        scim(token, "POST", "/Users", user("second@owner.example", true)),
        "has no owner",
        "ALTER SECURITY INTEGRATION okta RENEW TOKEN");
    assertFalse(exists(token, "second@owner.example"));
  }

  @Test
  void aRunAsRoleThatComesToInheritABuiltInRoleStopsTheIntegration() {
    String token = oktaIntegration(org.adminToken(), "okta");
    assertEquals(200, scim(token, "GET", "/Users", null).status());

    admin("GRANT ROLE useradmin TO ROLE okta_skim_provisioner");
    forbidden(
        scim(token, "GET", "/Users", null),
        "inherits built-in role useradmin",
        "REVOKE ROLE useradmin FROM ROLE okta_skim_provisioner");
    forbidden(scim(token, "POST", "/Users", user("x@owner.example", null)));

    admin("REVOKE ROLE useradmin FROM ROLE okta_skim_provisioner");
    assertEquals(200, scim(token, "GET", "/Users", null).status());
  }
}
