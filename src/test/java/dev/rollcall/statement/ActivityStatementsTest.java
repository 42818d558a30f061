package dev.rollcall.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.statement.Statement.ListAuditEvents;
import dev.rollcall.statement.Statement.ListProvisioningEvents;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LIST PROVISIONING EVENTS, LIST AUDIT EVENTS, and which statements the audit trail records. */
class ActivityStatementsTest {
  private final StatementParser parser = new StatementParser();

  @Test
  void listProvisioningEventsDefaultsToAllIntegrationsAndTheDefaultLimit() {
    assertEquals(
        new ListProvisioningEvents(Optional.empty(), Statement.DEFAULT_LIMIT),
        parser.parse("list provisioning events;"));
  }

  @Test
  void listProvisioningEventsForOneIntegrationWithALimit() {
    assertEquals(
        new ListProvisioningEvents(Optional.of("Okta Prod"), 5),
        parser.parse("LIST PROVISIONING EVENTS FOR SECURITY INTEGRATION \"Okta Prod\" LIMIT 5"));
    assertEquals(
        new ListProvisioningEvents(Optional.of("okta"), 1000),
        parser.parse("LIST PROVISIONING EVENTS FOR SECURITY INTEGRATION OKTA LIMIT 1000"));
  }

  @Test
  void listAuditEvents() {
    assertEquals(new ListAuditEvents(Statement.DEFAULT_LIMIT), parser.parse("LIST AUDIT EVENTS"));
    assertEquals(new ListAuditEvents(7), parser.parse("LIST AUDIT EVENTS LIMIT 7"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "2.5", "99999999999", "'3'", "ten"})
  void limitsOutsideOneToAThousandAreRefusedNamingTheRange(String limit) {
    var error =
        assertThrows(
            StatementSyntaxException.class, () -> parser.parse("LIST AUDIT EVENTS LIMIT " + limit));
    assertTrue(error.detail().startsWith("expected a whole number from 1 to 1000 after LIMIT"));
  }

  @Test
  void theNewWordsStayUsableAsNames() {
    assertEquals(new Statement.CreateRole("audit", false), parser.parse("CREATE ROLE audit"));
    assertEquals(new Statement.CreateRole("events", false), parser.parse("CREATE ROLE events"));
  }

  @Test
  void accessChangesAreAuditedAndReadsAreNot() {
    assertEquals(
        "GRANT ROLE", StatementExecutor.auditedAction(parser.parse("GRANT ROLE r TO ROLE s")));
    assertEquals(
        "CREATE API_TOKEN", StatementExecutor.auditedAction(parser.parse("CREATE API_TOKEN t")));
    assertEquals(
        "ALTER SECURITY INTEGRATION",
        StatementExecutor.auditedAction(parser.parse("ALTER SECURITY INTEGRATION o RENEW TOKEN")));
    for (String read :
        new String[] {
          "LIST ROLES",
          "DESCRIBE ROLE r",
          "LIST USERS",
          "DESCRIBE USER 'a@b.c'",
          "CAN I MANAGE_MEMBERS ON ORGANIZATION",
          "LIST API_TOKENS",
          "LIST SECURITY INTEGRATIONS",
          "DESCRIBE SECURITY INTEGRATION o",
          "LIST PROVISIONING EVENTS",
          "LIST AUDIT EVENTS"
        }) {
      assertNull(StatementExecutor.auditedAction(parser.parse(read)), read);
    }
  }

  @Test
  void redactionHidesSecretOptionsAndTokensAndKeepsTheRest() {
    assertEquals(
        "CREATE SECURITY INTEGRATION x WITH ('type' = SCIM, 'client_secret' = '<redacted>',"
            + " 'Password' = '<redacted>', 'scim.run_as_role' = r)",
        StatementText.redact(
            "CREATE SECURITY INTEGRATION x WITH ('type' = SCIM, 'client_secret' = 'it''s s3cret',"
                + " 'Password' = 'hunter2', 'scim.run_as_role' = r)"));
    assertEquals(
        "GRANT ROLE r TO USER '<redacted>'",
        StatementText.redact("GRANT ROLE r TO USER 'rc_api_abcdef'"));
    assertEquals(
        "INVITE USER 'ada@example.com' WITH ('role' = analyst)",
        StatementText.redact("  INVITE USER 'ada@example.com' WITH ('role' = analyst)\n"));
  }
}
