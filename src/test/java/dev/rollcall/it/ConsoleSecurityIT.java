package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.ConsoleClient.Answer;
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

/**
 * The console's sessions as an attacker meets them: a cookie only an API token or a one-time setup
 * link opens, a CSRF token and the console's own Origin on every change, exactly the member's
 * privileges, and setup-link sessions that reach the wizard and nothing else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSecurityIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  ConsoleClient console;

  @BeforeEach
  void organization() throws Exception {
    http = Http.at(base);
    org = http.createOrganization("Console " + UUID.randomUUID(), "admin@console.example");
    console = new ConsoleClient(http.base());
  }

  @Test
  void anApiTokenOpensASessionInAStrictHttpOnlyCookie() {
    Answer signedIn = console.signIn(org.id(), org.adminToken());
    assertEquals(200, signedIn.status(), signedIn.body());
    String cookie = signedIn.header("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("rc_console=rc_console_"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Path=/console"), cookie);
    assertFalse(cookie.contains("Secure"), "plain HTTP here: " + cookie);
    assertFalse(signedIn.body().contains(org.adminToken()), "the API token is never echoed");
    JsonObject me = signedIn.json();
    assertEquals("admin@console.example", me.getString("userName"));
    assertEquals("MEMBER", me.getString("kind"));
    assertTrue(me.getJsonObject("privileges").getBoolean("MANAGE_GRANTS"));

    Answer again = console.get("console/api/session");
    assertEquals(200, again.status(), again.body());
    assertEquals(console.csrf, again.json().getString("csrfToken"));
    assertEquals("no-store", again.header("Cache-Control").orElse(""));
  }

  @Test
  void aSecureCookieBehindAnHttpsProxy() {
    Answer signedIn =
        console.send(
            "POST",
            "console/api/session",
            "application/json",
            "{\"organizationId\":\"" + org.id() + "\",\"token\":\"" + org.adminToken() + "\"}");
    assertFalse(signedIn.header("Set-Cookie").orElseThrow().contains("Secure"));
    // the proxy's header is what a TLS-terminating proxy sends; the cookie must then be Secure
    var request =
        java.net.http.HttpRequest.newBuilder(http.base().resolve("console/api/session"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-Proto", "https")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"organizationId\":\""
                        + org.id()
                        + "\",\"token\":\""
                        + org.adminToken()
                        + "\"}"))
            .build();
    try {
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(
          response.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"),
          response.headers().map().toString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aWrongTokenOpensNothing() {
    Answer wrong = console.signIn(org.id(), "rc_api_not-a-token");
    assertEquals(401, wrong.status());
    assertTrue(wrong.header("Set-Cookie").isEmpty());
    Organization other = http.createOrganization("Other " + UUID.randomUUID(), "a@other.example");
    assertEquals(401, console.signIn(other.id(), org.adminToken()).status());
    assertEquals(401, console.get("console/api/session").status());
    assertEquals(401, console.get("console/api/members").status());
  }

  @Test
  void aForgedOrStolenCookieIsNoSession() {
    console.cookie = "rc_console=rc_console_forged";
    assertEquals(401, console.get("console/api/session").status());
    assertEquals(401, console.statement("LIST ROLES").status());
  }

  @Test
  void everyChangeNeedsTheCsrfTokenAndTheConsolesOrigin() {
    assertEquals(200, console.signIn(org.id(), org.adminToken()).status());
    String csrf = console.csrf;

    console.csrf = null;
    Answer noToken = console.statement("CREATE ROLE forged_one");
    assertEquals(403, noToken.status(), noToken.body());
    console.csrf = "rc_csrf_wrong";
    assertEquals(403, console.statement("CREATE ROLE forged_two").status());

    console.csrf = csrf;
    console.origin = "http://evil.example";
    Answer crossOrigin = console.statement("CREATE ROLE forged_three");
    assertEquals(403, crossOrigin.status(), crossOrigin.body());
    console.origin = "null";
    assertEquals(403, console.statement("CREATE ROLE forged_four").status());

    Reply roles = http.ok(org, org.adminToken(), "LIST ROLES");
    assertFalse(roles.body().contains("forged_"), roles.body());

    console.origin = http.base().getScheme() + "://" + http.base().getRawAuthority();
    Answer made = console.statement("CREATE ROLE made_here");
    assertEquals(200, made.status(), made.body());
    assertTrue(made.json().getString("text").contains("+===="), made.body());
  }

  @Test
  void theConsoleHasExactlyTheMembersPrivileges() {
    http.ok(
        org, org.adminToken(), "INVITE USER 'helper@console.example' WITH ('role' = useradmin)");
    String helperToken =
        http.ok(
                org,
                org.adminToken(),
                "CREATE API_TOKEN helper WITH ('user' = 'helper@console.example')")
            .column("Token")
            .get(0);
    Answer signedIn = console.signIn(org.id(), helperToken);
    assertEquals(200, signedIn.status(), signedIn.body());
    assertFalse(signedIn.json().getJsonObject("privileges").getBoolean("MANAGE_GRANTS"));
    assertTrue(signedIn.json().getJsonObject("privileges").getBoolean("MANAGE_MEMBERS"));

    Answer grantOrgadmin =
        console.statement("GRANT ROLE orgadmin TO USER 'helper@console.example'");
    assertEquals(403, grantOrgadmin.status(), grantOrgadmin.body());
    Answer grantPrivilege =
        console.statement("GRANT MANAGE_GRANTS ON ORGANIZATION TO ROLE useradmin");
    assertEquals(403, grantPrivilege.status(), grantPrivilege.body());
    Answer dropAdmin = console.statement("DROP USER 'admin@console.example'");
    assertEquals(403, dropAdmin.status(), dropAdmin.body());
    assertEquals(200, console.statement("CREATE ROLE helpers").status());
  }

  @Test
  void signingOutOrDroppingTheTokenEndsTheSession() {
    assertEquals(200, console.signIn(org.id(), org.adminToken()).status());
    Answer out = console.send("DELETE", "console/api/session", null, null);
    assertEquals(204, out.status(), out.body());
    assertTrue(out.header("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertEquals(401, console.get("console/api/session").status());

    String second =
        http.ok(org, org.adminToken(), "CREATE API_TOKEN second").column("Token").get(0);
    ConsoleClient other = new ConsoleClient(http.base());
    assertEquals(200, other.signIn(org.id(), second).status());
    http.ok(org, org.adminToken(), "DROP API_TOKEN second");
    assertEquals(401, other.get("console/api/session").status());
  }

  @Test
  void membersArePagedAndSearchedOnTheServer() {
    for (int i = 0; i < 3; i++) {
      http.ok(org, org.adminToken(), "INVITE USER 'pager" + i + "@console.example'");
    }
    assertEquals(200, console.signIn(org.id(), org.adminToken()).status());
    Answer page = console.get("console/api/members?q=pager&start=3&count=2");
    assertEquals(200, page.status(), page.body());
    assertEquals(3, page.json().getInt("total"));
    assertEquals(1, page.json().getJsonArray("items").size());
    assertEquals(
        "pager2@console.example",
        page.json().getJsonArray("items").getJsonObject(0).getString("userName"));
    Answer admin = console.get("console/api/members?q=ADMIN@");
    assertEquals(
        "orgadmin",
        admin.json().getJsonArray("items").getJsonObject(0).getJsonArray("roles").getString(0));
  }

  @Test
  void setupLinksAreTheOperatorsAndOpenTheWizardOnlyOnce() {
    String path = "api/v1/organizations/" + org.id() + "/setup-links";
    String body = "{\"adminEmail\":\"admin@console.example\"}";
    assertEquals(401, http.send("POST", path, null, "application/json", null, body).status());
    assertEquals(
        401, http.send("POST", path, org.adminToken(), "application/json", null, body).status());
    Reply noMember =
        http.send(
            "POST",
            path,
            Http.operatorToken(),
            "application/json",
            null,
            "{\"adminEmail\":\"nobody@console.example\"}");
    assertEquals(400, noMember.status(), noMember.body());

    Reply link = http.send("POST", path, Http.operatorToken(), "application/json", null, body);
    assertEquals(201, link.status(), link.body());
    String url = link.json().getString("url");
    String prefix = "/console/#setup/" + org.id() + "/";
    assertTrue(url.contains(prefix), url);
    String code = url.substring(url.indexOf(prefix) + prefix.length());

    // another organization's id with this organization's code: unknown there
    Organization other = http.createOrganization("Other " + UUID.randomUUID(), "a@other.example");
    ConsoleClient elsewhere = new ConsoleClient(http.base());
    assertEquals(401, elsewhere.redeem(other.id(), code).status());

    Answer opened = console.redeem(org.id(), code);
    assertEquals(200, opened.status(), opened.body());
    assertEquals("SETUP", opened.json().getString("kind"));

    // once only
    assertEquals(401, new ConsoleClient(http.base()).redeem(org.id(), code).status());
    assertEquals(401, elsewhere.redeem(org.id(), code).status());

    // the wizard and nothing else
    assertEquals(200, console.get("console/api/integrations").status());
    assertEquals(403, console.get("console/api/members").status());
    Answer statement = console.statement("GRANT ROLE orgadmin TO USER 'a@b.c'");
    assertEquals(403, statement.status(), statement.body());
    assertEquals(403, console.statement("LIST USERS").status());

    Answer created =
        console.send(
            "POST",
            "console/api/integrations",
            "application/json",
            "{\"client\":\"OKTA\",\"name\":\"okta\",\"runAsRole\":\"okta_skim_provisioner\"}");
    assertEquals(201, created.status(), created.body());
    String token = created.json().getString("token");
    assertTrue(token.startsWith("rc_scim_"), created.body());
    assertTrue(created.json().getString("uri").endsWith("/scim/v2/" + org.id()), created.body());
    Reply users = http.scim(org, token, "GET", "/Users", null);
    assertEquals(200, users.status(), users.body());

    Answer renewed = console.send("POST", "console/api/integrations/okta/renew", null, null);
    assertEquals(200, renewed.status(), renewed.body());
    assertEquals(401, http.scim(org, token, "GET", "/Users", null).status());
    Answer drop =
        console.send(
            "POST", "console/api/statements", "text/plain", "DROP SECURITY INTEGRATION okta");
    assertEquals(403, drop.status());

    // the operator's link, its redemption and the wizard's changes are in the audit trail
    Reply audit = http.ok(org, org.adminToken(), "LIST AUDIT EVENTS");
    for (String action :
        List.of("CREATE SETUP LINK", "REDEEM SETUP LINK", "CREATE SECURITY INTEGRATION")) {
      assertTrue(audit.body().contains(action), action + " in " + audit.body());
    }
    assertFalse(audit.body().contains(code), "the link's secret is never recorded");
    assertFalse(audit.body().contains(token), "nor the integration's token");
  }

  @Test
  void consolePagesCarryAStrictContentSecurityPolicy() {
    Reply page = http.send("GET", "console/", null, null, null, null);
    assertEquals(200, page.status(), page.body());
    String policy = page.header("Content-Security-Policy").orElseThrow();
    assertTrue(policy.contains("script-src 'self'"), policy);
    assertFalse(policy.contains("unsafe-inline"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
  }
}
