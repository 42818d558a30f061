package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rollcall.application.Secrets;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Console sessions and setup links over time, inside the server so the test can move its clock and
 * read the table: an idle session ends, a setup link expires, and only a link's hash is stored.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleExpiryIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestSupport(ConsoleExpiryIT.class, Http.class, ConsoleClient.class);
  }

  @ArquillianResource URL base;
  @Inject AdjustableClock clock;

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  Http http;
  Organization org;

  @BeforeEach
  void organization() throws Exception {
    http = new Http(base.toURI());
    org = http.createOrganization("Expiry " + UUID.randomUUID(), "admin@expiry.example");
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aSessionEndsAfterTheIdleTimeoutWithoutRequests() {
    ConsoleClient console = new ConsoleClient(http.base());
    assertEquals(200, console.signIn(org.id(), org.adminToken()).status());
    clock.advance(Duration.ofMinutes(29));
    assertEquals(200, console.get("console/api/session").status());
    clock.advance(Duration.ofMinutes(29));
    assertEquals(200, console.get("console/api/session").status(), "each request keeps it alive");
    clock.advance(Duration.ofMinutes(31));
    assertEquals(401, console.get("console/api/session").status());
  }

  @Test
  void aSetupLinkExpiresAndIsStoredOnlyAsItsHash() throws Exception {
    String code = link();
    List<String> row = storedLink();
    assertEquals(Secrets.hash(code), row.get(0));
    for (String value : row) {
      assertFalse(value != null && value.contains(code), "the secret is not stored: " + row);
    }

    clock.advance(Duration.ofHours(24).plusMinutes(1));
    assertEquals(401, new ConsoleClient(http.base()).redeem(org.id(), code).status());
    clock.reset();
    String fresh = link();
    clock.advance(Duration.ofHours(23));
    assertEquals(200, new ConsoleClient(http.base()).redeem(org.id(), fresh).status());
  }

  private String link() {
    Reply link =
        http.send(
            "POST",
            "api/v1/organizations/" + org.id() + "/setup-links",
            Http.operatorToken(),
            "application/json",
            null,
            "{\"adminEmail\":\"admin@expiry.example\"}");
    assertEquals(201, link.status(), link.body());
    String url = link.json().getString("url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** The organization's one stored link: its hash first, then every column as text. */
  private List<String> storedLink() throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT * FROM setup_links WHERE org_id = ?")) {
      query.setString(1, org.id());
      try (ResultSet rows = query.executeQuery()) {
        List<String> values = new ArrayList<>();
        rows.next();
        values.add(rows.getString("code_hash"));
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          values.add(rows.getString(i));
        }
        assertFalse(rows.next(), "one link");
        return values;
      }
    }
  }
}
