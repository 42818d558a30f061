package dev.rollcall.statement;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.domain.role.Privilege;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementParserErrorTest {

  private static final String INTEGRATION = "CREATE SECURITY INTEGRATION okta WITH ";

  private final StatementParser parser = new StatementParser();

  /** Parses text that must fail, checks the position and that the detail is exactly as given. */
  private StatementSyntaxException assertError(
      String text, int line, int column, String expectedDetail) {
    StatementSyntaxException error =
        assertThrows(StatementSyntaxException.class, () -> parser.parse(text));
    assertAll(
        () -> assertEquals(expectedDetail, error.detail(), "detail"),
        () -> assertEquals(line, error.line(), "line"),
        () -> assertEquals(column, error.column(), "column"),
        () ->
            assertEquals(
                "Syntax error at line " + line + ", column " + column + ": " + expectedDetail,
                error.getMessage()));
    return error;
  }

  /** The one-based column where fragment first starts in a one-line text. */
  private static int columnOf(String text, String fragment) {
    int index = text.indexOf(fragment);
    assertTrue(index >= 0, fragment + " not in " + text);
    return index + 1;
  }

  @Test
  void messageNamesPositionExpectationAndFoundToken() {
    StatementSyntaxException error =
        assertThrows(StatementSyntaxException.class, () -> parser.parse("CREATE ROLL analyst"));

    assertEquals(
        "Syntax error at line 1, column 8: expected ROLE, API_TOKEN or SECURITY INTEGRATION after"
            + " CREATE, found 'ROLL'",
        error.getMessage());
  }

  @Test
  void nullTextIsAProgrammingError() {
    assertThrows(NullPointerException.class, () -> parser.parse(null));
  }

  @Nested
  class WholeStatement {

    private static final String EMPTY =
        "empty statement: expected CREATE, DROP, LIST, DESCRIBE, GRANT, REVOKE, INVITE, CAN or"
            + " ALTER";

    @Test
    void emptyText() {
      assertError("", 1, 1, EMPTY);
    }

    @Test
    void onlyWhitespaceAndComments() {
      assertError("  \n  -- nothing to see\n", 3, 1, EMPTY);
    }

    @Test
    void onlyASemicolon() {
      assertError(" ;", 1, 2, EMPTY);
    }

    @Test
    void unknownStatement() {
      assertError(
          "SELECT 1",
          1,
          1,
          "expected a statement (CREATE, DROP, LIST, DESCRIBE, GRANT, REVOKE, INVITE, CAN or"
              + " ALTER), found 'SELECT'");
    }

    @Test
    void quotedKeywordIsNotAKeyword() {
      assertError(
          "\"LIST\" ROLES",
          1,
          1,
          "expected a statement (CREATE, DROP, LIST, DESCRIBE, GRANT, REVOKE, INVITE, CAN or"
              + " ALTER), found \"LIST\"");
    }

    @Test
    void trailingGarbage() {
      assertError("LIST ROLES extra", 1, 12, "expected end of statement, found 'extra'");
    }

    @Test
    void trailingGarbageOnALaterLine() {
      assertError("LIST ROLES\n\n  (", 3, 3, "expected end of statement, found '('");
    }

    @Test
    void secondStatement() {
      assertError(
          "LIST ROLES; LIST USERS",
          1,
          13,
          "expected end of statement after ';' (only one statement per request), found 'LIST'");
    }

    @Test
    void secondSemicolon() {
      assertError(
          "LIST ROLES;;",
          1,
          12,
          "expected end of statement after ';' (only one statement per request), found ';'");
    }

    @Test
    void optionalClauseOutOfPlace() {
      assertError("CREATE ROLE r IF NOT EXISTS", 1, 15, "expected end of statement, found 'IF'");
    }

    @Test
    void missedOptionalKeywordIsNamed() {
      assertError(
          "INVITE USER 'ada@example.com' WIHT ('role' = r)",
          1,
          31,
          "expected WITH or end of statement, found 'WIHT'");
    }

    @Test
    void longFoundTextIsShortened() {
      String text = "LIST ROLES '" + "x".repeat(60) + "'";

      assertError(
          text, 1, 12, "expected end of statement, found string '" + "x".repeat(40) + "...'");
    }
  }

  @Nested
  class Lexical {

    @Test
    void unterminatedQuotedIdentifierPointsAtTheOpeningQuote() {
      assertError(
          "CREATE ROLE \"analyst",
          1,
          13,
          "unterminated quoted identifier: expected a closing \", found end of statement");
    }

    @Test
    void unterminatedStringPointsAtTheOpeningQuoteAcrossLines() {
      assertError(
          "INVITE USER\n  'ada@example.com;\nLIST ROLES",
          2,
          3,
          "unterminated string literal: expected a closing ', found end of statement");
    }

    @Test
    void escapedQuoteAtTheEndDoesNotCloseTheString() {
      assertError(
          "DESCRIBE USER 'ada''",
          1,
          15,
          "unterminated string literal: expected a closing ', found end of statement");
    }

    @Test
    void emptyQuotedIdentifier() {
      assertError(
          "CREATE ROLE \"\"", 1, 13, "expected a name between the double quotes, found \"\"");
    }

    @Test
    void unexpectedCharacter() {
      assertError(
          "CREATE ROLE a#b",
          1,
          14,
          "expected a keyword, name, literal, '(', ')', ',', '=' or ';', found character '#'");
    }

    @Test
    void nonAsciiLetterInAnUnquotedName() {
      assertError(
          "CREATE ROLE café",
          1,
          16,
          "expected a keyword, name, literal, '(', ')', ',', '=' or ';', found character 'é'"
              + " (names with characters other than A-Z, 0-9 and _ must be double-quoted)");
    }

    @Test
    void singleDashIsNotAComment() {
      assertError(
          "LIST ROLES - x",
          1,
          12,
          "expected a keyword, name, literal, '(', ')', ',', '=' or ';', found character '-'");
    }

    @Test
    void controlCharacterIsShownByCodePoint() {
      assertError(
          "LIST\u0000ROLES",
          1,
          5,
          "expected a keyword, name, literal, '(', ')', ',', '=' or ';', found character U+0000");
    }

    @Test
    void columnsRestartOnEachLine() {
      assertError(
          "LIST\n  ROLLS",
          2,
          3,
          "expected ROLES, USERS, API_TOKENS, SECURITY INTEGRATIONS, PROVISIONING EVENTS or"
              + " AUDIT EVENTS after LIST, found 'ROLLS'");
    }

    @Test
    void commentsDoNotShiftPositions() {
      assertError(
          "-- list them\nLIST ROLES -- all of them\n  nope",
          3,
          3,
          "expected end of statement, found 'nope'");
    }
  }

  @Nested
  class Names {

    @Test
    void missingName() {
      assertError("CREATE ROLE", 1, 12, "expected role name, found end of statement");
    }

    @Test
    void missingNameAfterIfNotExists() {
      assertError("CREATE ROLE IF NOT EXISTS", 1, 26, "expected role name, found end of statement");
    }

    @Test
    void stringIsNotAName() {
      assertError("CREATE ROLE 'analyst'", 1, 13, "expected role name, found string 'analyst'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "ROLE", "Token", "with"})
    void unquotedKeywordIsNotAName(String keyword) {
      String lower = keyword.toLowerCase(Locale.ROOT);
      assertError(
          "DROP API_TOKEN " + keyword,
          1,
          16,
          "expected API token name ("
              + keyword.toUpperCase(Locale.ROOT)
              + " is a keyword; write \""
              + lower
              + "\"), found '"
              + keyword
              + "'");
    }

    @Test
    void ifWithoutNot() {
      assertError("CREATE ROLE IF EXISTS r", 1, 16, "expected NOT after IF, found 'EXISTS'");
    }

    @Test
    void ifWithoutExists() {
      assertError("DROP ROLE IF NOT EXISTS r", 1, 14, "expected EXISTS after IF, found 'NOT'");
    }

    @Test
    void ifNotWithoutExists() {
      assertError(
          "CREATE SECURITY INTEGRATION IF NOT okta WITH ('type' = SCIM)",
          1,
          36,
          "expected EXISTS after IF NOT, found 'okta'");
    }
  }

  @Nested
  class ObjectKinds {

    @Test
    void createUserPointsToInvite() {
      assertError(
          "CREATE USER 'ada@example.com'",
          1,
          8,
          "expected ROLE, API_TOKEN or SECURITY INTEGRATION after CREATE (users join through"
              + " INVITE USER or SCIM), found 'USER'");
    }

    @Test
    void createWithNothingAfter() {
      assertError(
          "create",
          1,
          7,
          "expected ROLE, API_TOKEN or SECURITY INTEGRATION after CREATE, found end of statement");
    }

    @Test
    void dropUnknownObject() {
      assertError(
          "DROP DATABASE d",
          1,
          6,
          "expected ROLE, USER, API_TOKEN or SECURITY INTEGRATION after DROP, found 'DATABASE'");
    }

    @Test
    void listUnknownObjects() {
      assertError(
          "LIST GROUPS",
          1,
          6,
          "expected ROLES, USERS, API_TOKENS, SECURITY INTEGRATIONS, PROVISIONING EVENTS or"
              + " AUDIT EVENTS after LIST, found 'GROUPS'");
    }

    @Test
    void listSingularIntegration() {
      assertError(
          "LIST SECURITY INTEGRATION",
          1,
          15,
          "expected INTEGRATIONS after LIST SECURITY, found 'INTEGRATION'");
    }

    @Test
    void describeUnknownObject() {
      assertError(
          "DESCRIBE API_TOKEN ci",
          1,
          10,
          "expected ROLE, USER or SECURITY INTEGRATION after DESCRIBE, found 'API_TOKEN'");
    }

    @Test
    void securityWithoutIntegration() {
      assertError("DROP SECURITY okta", 1, 15, "expected INTEGRATION after SECURITY, found 'okta'");
    }

    @Test
    void alterSomethingElse() {
      assertError(
          "ALTER ROLE r", 1, 7, "expected USER or SECURITY INTEGRATION after ALTER, found 'ROLE'");
      assertError(
          "ALTER USER 'a@x.example' SET ACTIVE = yes",
          1,
          39,
          "expected FALSE or TRUE after ACTIVE =, found 'yes'");
      assertError(
          "ALTER USER 'a@x.example' ACTIVE = TRUE",
          1,
          26,
          "expected SET after the user, found 'ACTIVE'");
    }

    @Test
    void alterWithoutRenew() {
      assertError(
          "ALTER SECURITY INTEGRATION okta;",
          1,
          32,
          "expected RENEW after the security integration name, found ';'");
    }

    @Test
    void renewWithoutToken() {
      assertError(
          "ALTER SECURITY INTEGRATION okta RENEW",
          1,
          38,
          "expected TOKEN after RENEW, found end of statement");
    }

    @Test
    void inviteWithoutUser() {
      assertError("INVITE 'a@b.c'", 1, 8, "expected USER after INVITE, found string 'a@b.c'");
    }
  }

  @Nested
  class Emails {

    private static final String EXPECTED_EMAIL =
        "expected the user's email in single quotes, such as 'ada@example.com', found ";

    @Test
    void unquotedEmail() {
      assertError("GRANT ROLE r TO USER ada", 1, 22, EXPECTED_EMAIL + "'ada'");
    }

    @Test
    void doubleQuotedEmail() {
      assertError("DROP USER \"ada@example.com\"", 1, 11, EXPECTED_EMAIL + "\"ada@example.com\"");
    }

    @Test
    void emptyEmail() {
      assertError("DESCRIBE USER ''", 1, 15, EXPECTED_EMAIL + "string ''");
    }

    @Test
    void missingEmail() {
      assertError("DESCRIBE USER", 1, 14, EXPECTED_EMAIL + "end of statement");
    }
  }

  @Nested
  class Grants {

    @Test
    void unknownPrivilegeIsNamedAndValidNamesListed() {
      StatementSyntaxException error =
          assertThrows(
              StatementSyntaxException.class,
              () -> parser.parse("GRANT USAGE, MANAGE_MEMBRES ON ORGANIZATION TO ROLE r"));

      assertEquals(1, error.line());
      assertEquals(14, error.column());
      assertTrue(error.detail().startsWith("unknown privilege 'MANAGE_MEMBRES': expected one of "));
      for (Privilege privilege : Privilege.values()) {
        assertTrue(error.detail().contains(privilege.name()), privilege + " not listed");
      }
    }

    @Test
    void keywordWherePrivilegeIsExpected() {
      StatementSyntaxException error =
          assertThrows(
              StatementSyntaxException.class,
              () -> parser.parse("GRANT ON ORGANIZATION TO ROLE r"));

      assertEquals(7, error.column());
      assertTrue(
          error.detail().startsWith("expected ROLE, ALL or a privilege after GRANT (one of "),
          error.detail());
      assertTrue(error.detail().endsWith("USAGE), found 'ON'"), error.detail());
    }

    @Test
    void trailingCommaInPrivileges() {
      StatementSyntaxException error =
          assertThrows(
              StatementSyntaxException.class,
              () -> parser.parse("REVOKE USAGE, ON ORGANIZATION FROM ROLE r"));

      assertEquals(15, error.column());
      assertTrue(error.detail().startsWith("expected a privilege after ',' (one of "));
      assertTrue(error.detail().endsWith("found 'ON'"));
    }

    @Test
    void allCannotBeCombined() {
      assertError(
          "GRANT ALL, USAGE ON ORGANIZATION TO ROLE r",
          1,
          10,
          "expected ON after the privileges, found ','");
    }

    @Test
    void missingOn() {
      assertError("GRANT USAGE TO ROLE r", 1, 13, "expected ON after the privileges, found 'TO'");
    }

    @Test
    void wrongObject() {
      assertError(
          "GRANT USAGE ON DATABASE TO ROLE r",
          1,
          16,
          "expected ORGANIZATION after ON, found 'DATABASE'");
    }

    @Test
    void privilegesGoToRolesOnly() {
      assertError(
          "GRANT USAGE ON ORGANIZATION TO USER 'ada@example.com'",
          1,
          32,
          "expected ROLE after TO (privileges are granted to roles), found 'USER'");
    }

    @Test
    void revokeUsesFrom() {
      assertError(
          "REVOKE USAGE ON ORGANIZATION TO ROLE r",
          1,
          30,
          "expected FROM after ON ORGANIZATION, found 'TO'");
    }

    @Test
    void grantOptionWithoutWith() {
      String text = "GRANT USAGE ON ORGANIZATION TO ROLE r GRANT OPTION";
      assertError(
          text,
          1,
          columnOf(text, "GRANT OPTION"),
          "expected WITH or end of statement, found 'GRANT'");
    }

    @Test
    void incompleteWithGrantOption() {
      String text = "GRANT USAGE ON ORGANIZATION TO ROLE r WITH GRANT";
      assertError(
          text, 1, text.length() + 1, "expected OPTION after WITH GRANT, found end of statement");
    }

    @Test
    void withSomethingElse() {
      String text = "GRANT USAGE ON ORGANIZATION TO ROLE r WITH ADMIN OPTION";
      assertError(text, 1, columnOf(text, "ADMIN"), "expected GRANT after WITH, found 'ADMIN'");
    }

    @Test
    void roleGrantToUnknownGranteeKind() {
      assertError(
          "GRANT ROLE r TO GROUP g", 1, 17, "expected USER or ROLE after TO, found 'GROUP'");
    }

    @Test
    void roleRevokeUsesFrom() {
      assertError(
          "REVOKE ROLE r TO USER 'a@b.c'", 1, 15, "expected FROM after the role name, found 'TO'");
    }

    @Test
    void revokeRoleFromNothing() {
      assertError(
          "REVOKE ROLE r FROM", 1, 19, "expected USER or ROLE after FROM, found end of statement");
    }

    @Test
    void canSomeoneElse() {
      assertError("CAN YOU USAGE ON ORGANIZATION", 1, 5, "expected I after CAN, found 'YOU'");
    }

    @Test
    void canIWithoutOrganization() {
      assertError("CAN I USAGE", 1, 12, "expected ON after the privilege, found end of statement");
    }

    @Test
    void canIAll() {
      StatementSyntaxException error =
          assertThrows(
              StatementSyntaxException.class, () -> parser.parse("CAN I ALL ON ORGANIZATION"));

      assertEquals(7, error.column());
      assertTrue(error.detail().startsWith("expected a privilege after CAN I (one of "));
      assertTrue(error.detail().endsWith("found 'ALL'"));
    }
  }

  @Nested
  class OptionErrors {

    @Test
    void securityIntegrationNeedsWith() {
      assertError(
          "CREATE SECURITY INTEGRATION okta",
          1,
          33,
          "expected WITH and the integration's options after the name, found end of statement");
    }

    @Test
    void missingParenthesis() {
      String text = INTEGRATION + "'type' = SCIM";
      assertError(
          text, 1, columnOf(text, "'type'"), "expected '(' after WITH, found string 'type'");
    }

    @Test
    void emptyOptionList() {
      String text = INTEGRATION + "()";
      assertError(
          text,
          1,
          columnOf(text, ")"),
          "expected an option name in single quotes, such as 'type', found ')'");
    }

    @Test
    void unquotedKey() {
      String text = INTEGRATION + "(type = SCIM)";
      assertError(
          text,
          1,
          columnOf(text, "type"),
          "expected an option name in single quotes, such as 'type', found 'type'");
    }

    @Test
    void emptyKey() {
      String text = INTEGRATION + "('' = SCIM)";
      assertError(
          text,
          1,
          columnOf(text, "''"),
          "expected an option name in single quotes, such as 'type', found string ''");
    }

    @Test
    void missingEquals() {
      String text = INTEGRATION + "('type' SCIM)";
      assertError(
          text, 1, columnOf(text, "SCIM"), "expected '=' after option 'type', found 'SCIM'");
    }

    @Test
    void missingValue() {
      String text = INTEGRATION + "('type' = )";
      assertError(
          text,
          1,
          columnOf(text, ")"),
          "expected a value for option 'type' (a name, a 'string', a number, TRUE or FALSE),"
              + " found ')'");
    }

    @Test
    void unclosedList() {
      String text = INTEGRATION + "('type' = SCIM";
      assertError(
          text,
          1,
          text.length() + 1,
          "expected ',' or ')' after option 'type', found end of statement");
    }

    @Test
    void trailingComma() {
      String text = INTEGRATION + "('type' = SCIM,)";
      assertError(
          text,
          1,
          columnOf(text, ")"),
          "expected an option name in single quotes, such as 'type', found ')'");
    }

    @Test
    void duplicateKeyIgnoringCase() {
      String text = INTEGRATION + "('type' = SCIM, 'scim.client' = OKTA, 'TYPE' = SCIM)";
      assertError(
          text,
          1,
          columnOf(text, "'TYPE'"),
          "option 'type' is given twice: expected each option at most once");
    }

    @Test
    void garbageAfterOptions() {
      String text = INTEGRATION + "('type' = SCIM) extra";
      assertError(text, 1, columnOf(text, "extra"), "expected end of statement, found 'extra'");
    }

    @Test
    void numberWithoutFraction() {
      String text = INTEGRATION + "('n' = 1.)";
      assertError(
          text,
          1,
          columnOf(text, ")"),
          "expected a digit after the decimal point, found character ')'");
    }

    @Test
    void numberRunningIntoLetters() {
      String text = INTEGRATION + "('n' = 12abc)";
      assertError(
          text,
          1,
          columnOf(text, "abc"),
          "expected a space or punctuation after number 12, found character 'a'");
    }

    @Test
    void optionsOnAStatementWithout() {
      assertError("CREATE ROLE r WITH ('a' = 1)", 1, 15, "expected end of statement, found 'WITH'");
    }
  }
}
