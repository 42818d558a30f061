package dev.rollcall.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.domain.role.Privilege;
import dev.rollcall.statement.Grantee.RoleGrantee;
import dev.rollcall.statement.Grantee.UserGrantee;
import dev.rollcall.statement.OptionValue.Kind;
import dev.rollcall.statement.Statement.AlterUserActive;
import dev.rollcall.statement.Statement.CanI;
import dev.rollcall.statement.Statement.CreateApiToken;
import dev.rollcall.statement.Statement.CreateRole;
import dev.rollcall.statement.Statement.CreateSecurityIntegration;
import dev.rollcall.statement.Statement.DescribeRole;
import dev.rollcall.statement.Statement.DescribeSecurityIntegration;
import dev.rollcall.statement.Statement.DescribeUser;
import dev.rollcall.statement.Statement.DropApiToken;
import dev.rollcall.statement.Statement.DropRole;
import dev.rollcall.statement.Statement.DropSecurityIntegration;
import dev.rollcall.statement.Statement.DropUser;
import dev.rollcall.statement.Statement.GrantPrivileges;
import dev.rollcall.statement.Statement.GrantRole;
import dev.rollcall.statement.Statement.InviteUser;
import dev.rollcall.statement.Statement.ListApiTokens;
import dev.rollcall.statement.Statement.ListRoles;
import dev.rollcall.statement.Statement.ListSecurityIntegrations;
import dev.rollcall.statement.Statement.ListUsers;
import dev.rollcall.statement.Statement.RenewSecurityIntegrationToken;
import dev.rollcall.statement.Statement.RevokePrivileges;
import dev.rollcall.statement.Statement.RevokeRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementParserTest {

  private final StatementParser parser = new StatementParser();

  private Statement parse(String text) {
    return parser.parse(text);
  }

  @Nested
  class Roles {

    @Test
    void createRole() {
      assertEquals(new CreateRole("analyst", false), parse("CREATE ROLE analyst"));
    }

    @Test
    void createRoleIfNotExists() {
      assertEquals(new CreateRole("analyst", true), parse("CREATE ROLE IF NOT EXISTS analyst"));
    }

    @Test
    void dropRole() {
      assertEquals(new DropRole("analyst", false), parse("DROP ROLE analyst"));
    }

    @Test
    void dropRoleIfExists() {
      assertEquals(new DropRole("analyst", true), parse("DROP ROLE IF EXISTS analyst"));
    }

    @Test
    void listRoles() {
      assertEquals(new ListRoles(), parse("LIST ROLES"));
    }

    @Test
    void describeRole() {
      assertEquals(new DescribeRole("analyst"), parse("DESCRIBE ROLE analyst"));
    }
  }

  @Nested
  class Privileges {

    @Test
    void grantOnePrivilege() {
      assertEquals(
          new GrantPrivileges(Set.of(Privilege.MANAGE_MEMBERS), "okta_skim_provisioner", false),
          parse("GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE okta_skim_provisioner"));
    }

    @Test
    void grantSeveralPrivilegesWithGrantOption() {
      GrantPrivileges grant =
          (GrantPrivileges)
              parse(
                  "GRANT create_database, Usage,MANAGE_GRANTS ON ORGANIZATION TO ROLE r"
                      + " WITH GRANT OPTION");

      assertEquals(
          EnumSet.of(Privilege.CREATE_DATABASE, Privilege.USAGE, Privilege.MANAGE_GRANTS),
          grant.privileges());
      assertEquals("r", grant.role());
      assertTrue(grant.withGrantOption());
    }

    @Test
    void repeatedPrivilegesCollapse() {
      GrantPrivileges grant =
          (GrantPrivileges) parse("GRANT USAGE, usage ON ORGANIZATION TO ROLE r");

      assertEquals(Set.of(Privilege.USAGE), grant.privileges());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "GRANT ALL PRIVILEGES ON ORGANIZATION TO ROLE r",
          "GRANT ALL ON ORGANIZATION TO ROLE r",
          "grant all privileges on organization to role r"
        })
    void grantAllExpandsToEveryPrivilege(String text) {
      assertEquals(new GrantPrivileges(EnumSet.allOf(Privilege.class), "r", false), parse(text));
    }

    @Test
    void revokePrivileges() {
      assertEquals(
          new RevokePrivileges(EnumSet.of(Privilege.CREATE_STORE, Privilege.USAGE), "r"),
          parse("REVOKE CREATE_STORE, USAGE ON ORGANIZATION FROM ROLE r"));
    }

    @Test
    void revokeAllPrivileges() {
      assertEquals(
          new RevokePrivileges(EnumSet.allOf(Privilege.class), "r"),
          parse("REVOKE ALL PRIVILEGES ON ORGANIZATION FROM ROLE r"));
    }

    @Test
    void privilegeSetIsUnmodifiable() {
      GrantPrivileges grant = (GrantPrivileges) parse("GRANT USAGE ON ORGANIZATION TO ROLE r");

      assertThrows(
          UnsupportedOperationException.class,
          () -> grant.privileges().add(Privilege.CREATE_SECRET));
    }

    @Test
    void canI() {
      assertEquals(
          new CanI(Privilege.MANAGE_MEMBERS), parse("CAN I manage_members ON ORGANIZATION"));
    }
  }

  @Nested
  class RoleGrants {

    @Test
    void grantRoleToUser() {
      assertEquals(
          new GrantRole("analyst", new UserGrantee("Ada@Example.com")),
          parse("GRANT ROLE analyst TO USER 'Ada@Example.com'"));
    }

    @Test
    void grantRoleToRole() {
      assertEquals(
          new GrantRole("analyst", new RoleGrantee("Data Team")),
          parse("GRANT ROLE Analyst TO ROLE \"Data Team\""));
    }

    @Test
    void revokeRoleFromUser() {
      assertEquals(
          new RevokeRole("analyst", new UserGrantee("ada@example.com")),
          parse("REVOKE ROLE analyst FROM USER 'ada@example.com'"));
    }

    @Test
    void revokeRoleFromRole() {
      assertEquals(
          new RevokeRole("analyst", new RoleGrantee("sysadmin")),
          parse("REVOKE ROLE analyst FROM ROLE SYSADMIN"));
    }
  }

  @Nested
  class Users {

    @Test
    void listUsers() {
      assertEquals(new ListUsers(), parse("LIST USERS"));
    }

    @Test
    void describeUser() {
      assertEquals(new DescribeUser("ada@example.com"), parse("DESCRIBE USER 'ada@example.com'"));
    }

    @Test
    void dropUser() {
      assertEquals(new DropUser("ada@example.com"), parse("DROP USER 'ada@example.com'"));
    }

    @Test
    void alterUserActive() {
      assertEquals(
          new AlterUserActive("ada@example.com", false),
          parse("alter user 'ada@example.com' set active = false;"));
      assertEquals(new AlterUserActive("ada", true), parse("ALTER USER 'ada' SET ACTIVE = TRUE"));
    }

    @Test
    void inviteUser() {
      assertEquals(
          new InviteUser("ada@example.com", Options.none()),
          parse("INVITE USER 'ada@example.com'"));
    }

    @Test
    void inviteUserWithOptions() {
      InviteUser invite =
          (InviteUser) parse("INVITE USER 'ada@example.com' WITH ('role' = analyst)");

      assertEquals("ada@example.com", invite.email());
      assertEquals(
          new OptionValue(Kind.IDENTIFIER, "analyst"), invite.options().get("role").get().value());
    }

    @Test
    void emailKeepsItsCaseAndEscapedQuotes() {
      assertEquals(
          new DescribeUser("O'Brien@Example.com"), parse("DESCRIBE USER 'O''Brien@Example.com'"));
    }
  }

  @Nested
  class ApiTokens {

    @Test
    void createApiToken() {
      assertEquals(new CreateApiToken("ci", Options.none()), parse("CREATE API_TOKEN ci"));
    }

    @Test
    void createApiTokenWithOptions() {
      CreateApiToken create =
          (CreateApiToken) parse("CREATE API_TOKEN \"CI Token\" WITH ('expires_in_days' = 30)");

      assertEquals("CI Token", create.name());
      assertEquals(
          new OptionValue(Kind.NUMBER, "30"),
          create.options().get("expires_in_days").get().value());
    }

    @Test
    void listApiTokens() {
      assertEquals(new ListApiTokens(), parse("LIST API_TOKENS"));
    }

    @Test
    void dropApiToken() {
      assertEquals(new DropApiToken("ci"), parse("DROP API_TOKEN CI"));
    }
  }

  @Nested
  class SecurityIntegrations {

    @Test
    void createAsInTheSeed() {
      String text =
          "CREATE SECURITY INTEGRATION \"okta\" WITH ( 'type' = SCIM, 'scim.client' = OKTA,"
              + " 'scim.run_as_role' = okta_skim_provisioner );";
      CreateSecurityIntegration create = (CreateSecurityIntegration) parse(text);

      assertEquals("okta", create.name());
      assertFalse(create.ifNotExists());
      assertEquals(
          List.of(
              new Option("type", new OptionValue(Kind.IDENTIFIER, "SCIM"), text.indexOf("'type'")),
              new Option(
                  "scim.client",
                  new OptionValue(Kind.IDENTIFIER, "OKTA"),
                  text.indexOf("'scim.client'")),
              new Option(
                  "scim.run_as_role",
                  new OptionValue(Kind.IDENTIFIER, "okta_skim_provisioner"),
                  text.indexOf("'scim.run_as_role'"))),
          create.options().entries());
    }

    @Test
    void createIfNotExists() {
      CreateSecurityIntegration create =
          (CreateSecurityIntegration)
              parse("CREATE SECURITY INTEGRATION IF NOT EXISTS Okta WITH ('type' = SCIM)");

      assertEquals("okta", create.name());
      assertTrue(create.ifNotExists());
    }

    @Test
    void renewToken() {
      assertEquals(
          new RenewSecurityIntegrationToken("okta"),
          parse("ALTER SECURITY INTEGRATION \"okta\" RENEW TOKEN;"));
    }

    @Test
    void list() {
      assertEquals(new ListSecurityIntegrations(), parse("LIST SECURITY INTEGRATIONS;"));
    }

    @Test
    void describe() {
      assertEquals(
          new DescribeSecurityIntegration("Okta Prod"),
          parse("DESCRIBE SECURITY INTEGRATION \"Okta Prod\""));
    }

    @Test
    void drop() {
      assertEquals(
          new DropSecurityIntegration("okta", false), parse("DROP SECURITY INTEGRATION okta"));
    }

    @Test
    void dropIfExists() {
      assertEquals(
          new DropSecurityIntegration("okta", true),
          parse("DROP SECURITY INTEGRATION IF EXISTS okta"));
    }
  }

  @Nested
  class LexicalRules {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "create role analyst",
          "Create Role Analyst",
          "CREATE ROLE ANALYST",
          "cReAtE rOlE aNaLySt"
        })
    void keywordsAreCaseInsensitiveAndUnquotedNamesLowerCased(String text) {
      assertEquals(new CreateRole("analyst", false), parse(text));
    }

    @Test
    void quotedNamesKeepTheirCase() {
      assertEquals(new CreateRole("Data Team", false), parse("CREATE ROLE \"Data Team\""));
    }

    @Test
    void doubledDoubleQuoteEscapesAQuoteInAName() {
      assertEquals(
          new CreateRole("the \"A\" team", false), parse("CREATE ROLE \"the \"\"A\"\" team\""));
    }

    @Test
    void quotedNameMayContainAnythingButStaysOneToken() {
      assertEquals(
          new CreateRole("x; DROP ROLE y -- z", false),
          parse("CREATE ROLE \"x; DROP ROLE y -- z\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"role", "USER", "Token", "with", "if", "i", "true", "all"})
    void keywordsAreNamesWhenQuoted(String keyword) {
      assertEquals(new CreateRole(keyword, false), parse("CREATE ROLE \"" + keyword + "\""));
    }

    @Test
    void everyKeywordIsReservedUnquotedAndANameWhenQuoted() {
      for (String keyword : StatementParser.KEYWORDS) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        assertEquals(new DescribeRole(lower), parse("DESCRIBE ROLE \"" + lower + "\""), keyword);
        StatementSyntaxException error =
            assertThrows(
                StatementSyntaxException.class, () -> parse("DESCRIBE ROLE " + lower), keyword);
        assertEquals(15, error.column(), keyword);
        assertTrue(error.detail().contains(keyword + " is a keyword"), error.detail());
      }
    }

    @Test
    void unquotedNamesMayUseDigitsAndUnderscores() {
      assertEquals(new CreateRole("_team_42", false), parse("CREATE ROLE _Team_42"));
    }

    @Test
    void nameThatStartsLikeAKeywordIsAName() {
      assertEquals(new CreateRole("users_admin", false), parse("CREATE ROLE users_admin"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "LIST ROLES;",
          "LIST ROLES ;",
          "LIST ROLES;   \n",
          "  LIST\n\tROLES  ",
          "LIST ROLES -- every role\n",
          "-- first a comment\nLIST ROLES",
          "LIST -- in between\n ROLES; -- and after",
          "LIST ROLES;-- trailing comment without newline",
          "\r\nLIST\r\nROLES\r\n"
        })
    void whitespaceCommentsAndOneTrailingSemicolonAreIgnored(String text) {
      assertEquals(new ListRoles(), parse(text));
    }

    @Test
    void statementMaySpanLines() {
      assertEquals(
          new GrantPrivileges(Set.of(Privilege.USAGE), "r", true),
          parse("GRANT\n  USAGE\nON ORGANIZATION\nTO ROLE r\nWITH GRANT OPTION;\n"));
    }
  }

  @Nested
  class OptionValues {

    private Options options(String options) {
      return ((CreateSecurityIntegration) parse("CREATE SECURITY INTEGRATION s WITH " + options))
          .options();
    }

    @Test
    void everyValueKind() {
      Options options =
          options(
              "('a' = Okta_Role, 'b' = \"Okta Role\", 'c' = 'it''s', 'd' = 42, 'e' = -1.5,"
                  + " 'f' = TRUE, 'g' = false)");

      assertEquals(new OptionValue(Kind.IDENTIFIER, "Okta_Role"), options.get("a").get().value());
      assertEquals(
          new OptionValue(Kind.QUOTED_IDENTIFIER, "Okta Role"), options.get("b").get().value());
      assertEquals(new OptionValue(Kind.STRING, "it's"), options.get("c").get().value());
      assertEquals(new OptionValue(Kind.NUMBER, "42"), options.get("d").get().value());
      assertEquals(new OptionValue(Kind.NUMBER, "-1.5"), options.get("e").get().value());
      assertEquals(new OptionValue(Kind.BOOLEAN, "true"), options.get("f").get().value());
      assertEquals(new OptionValue(Kind.BOOLEAN, "false"), options.get("g").get().value());
    }

    @Test
    void asNameLowerCasesOnlyUnquotedIdentifiers() {
      Options options = options("('a' = Okta_Role, 'b' = \"Okta Role\", 'c' = 'Okta Role')");

      assertEquals("okta_role", options.get("a").get().value().asName());
      assertEquals("Okta Role", options.get("b").get().value().asName());
      assertEquals("Okta Role", options.get("c").get().value().asName());
    }

    @Test
    void keysAreLowerCasedAndLookedUpIgnoringCase() {
      Options options = options("('Type' = SCIM, 'SCIM.Client' = OKTA)");

      assertEquals(
          List.of("type", "scim.client"), options.entries().stream().map(Option::key).toList());
      assertEquals("OKTA", options.get("scim.client").get().value().text());
      assertEquals("OKTA", options.get("Scim.Client").get().value().text());
      assertTrue(options.get("scim.run_as_role").isEmpty());
    }

    @Test
    void optionsKeepTheirOrder() {
      Options options = options("('z' = 1, 'a' = 2, 'm' = 3)");

      assertEquals(List.of("z", "a", "m"), options.entries().stream().map(Option::key).toList());
    }

    @Test
    void keywordsAreAcceptedAsUnquotedValues() {
      Options options = options("('type' = scim, 'mode' = ROLE)");

      assertEquals(new OptionValue(Kind.IDENTIFIER, "ROLE"), options.get("mode").get().value());
    }

    @Test
    void positionPointsAtTheKeyAndTranslatesToLineAndColumn() {
      String text = "CREATE SECURITY INTEGRATION s WITH (\n  'type' = SCIM,\n  'scim.client' = X)";
      Option client = ((CreateSecurityIntegration) parse(text)).options().get("scim.client").get();

      StatementSyntaxException error =
          StatementSyntaxException.at(text, client.position(), "unknown SCIM client 'X'");

      assertEquals(3, error.line());
      assertEquals(3, error.column());
      assertEquals("Syntax error at line 3, column 3: unknown SCIM client 'X'", error.getMessage());
    }
  }

  @Test
  void everyStatementIsAStatement() {
    assertInstanceOf(Statement.class, parse("LIST USERS"));
  }
}
