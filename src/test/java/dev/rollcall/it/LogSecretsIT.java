package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret reaches a log line: requests with valid and invalid operator, API and SCIM tokens (in
 * the header, in statements and in bodies), then every file under the local test server's {@code
 * logs/} (messages, console, trace, FFDC) is searched for each token. Always the local server: its
 * log files are read from disk.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogSecretsIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @Test
  void noTokenIsEverLogged() throws Exception {
    Http http = new Http(base.toURI());
    Fixture fixture = http.oktaFixture("Logs", "admin@logs.example");
    Organization org = fixture.org();
    String apiToken =
        http.ok(org, org.adminToken(), "CREATE API_TOKEN logs_token").column("Token").get(0);
    String renewed =
        http.ok(org, org.adminToken(), "ALTER SECURITY INTEGRATION okta RENEW TOKEN")
            .column("Token")
            .get(0);
    // fresh on every run: the logs directory outlives a run, the tokens must not
    String wrongScim = "rc_scim_" + UUID.randomUUID() + "x".repeat(7);
    String wrongApi = "rc_api_" + UUID.randomUUID() + "y".repeat(7);
    String wrongOperator = "operator-guess-" + UUID.randomUUID();
    List<String> secrets =
        List.of(
            Http.operatorToken(),
            org.adminToken(),
            apiToken,
            fixture.scimToken(),
            renewed,
            wrongScim,
            wrongApi,
            wrongOperator);

    assertEquals(200, http.scim(org, renewed, "GET", "/Users", null).status());
    assertEquals(401, http.scim(org, fixture.scimToken(), "GET", "/Users", null).status());
    assertEquals(401, http.scim(org, wrongScim, "GET", "/Users", null).status());
    assertEquals(
        400, http.scim(org, renewed, "POST", "/Users", "{\"userName\": \"" + wrongScim).status());
    assertEquals(401, http.statement(org, wrongApi, "LIST USERS").status());
    assertEquals(200, http.statement(org, apiToken, "LIST API_TOKENS").status());
    refused(http.statement(org, apiToken, "DROP API_TOKEN '" + wrongApi + "'").status());
    refused(http.statement(org, apiToken, "GRANT " + wrongApi).status());
    assertEquals(
        401,
        http.send("POST", "api/v1/organizations", wrongOperator, "application/json", null, "{}")
            .status());
    assertEquals(
        400,
        http.send(
                "POST",
                "api/v1/organizations",
                Http.operatorToken(),
                "application/json",
                null,
                "{\"name\": \"" + Http.operatorToken())
            .status());
    assertEquals(
        401,
        http.send(
                "GET",
                "api/v1/organizations/" + org.id(),
                "Bearer " + wrongOperator,
                null,
                null,
                null)
            .status());

    Path logs = Path.of(System.getProperty("rollcall.test.server.dir"), "logs");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(logs)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    assertTrue(
        files.stream().anyMatch(f -> f.getFileName().toString().equals("messages.log")),
        "" + files);
    String all = read(files);
    assertTrue(all.contains("rollcall-it"), "the logs read are this server's");
    for (String secret : secrets) {
      assertFalse(all.contains(secret), "a log line holds the token " + secret);
    }
  }

  private static void refused(int status) {
    assertTrue(status >= 400 && status < 500, "refused as the client's fault: " + status);
  }

  private static String read(List<Path> files) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path file : files) {
      all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
    }
    return all.toString();
  }
}
