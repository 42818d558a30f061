package dev.rollcall.statement;

import static dev.rollcall.statement.TokenCursor.unexpected;

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
import dev.rollcall.statement.Statement.ListAuditEvents;
import dev.rollcall.statement.Statement.ListProvisioningEvents;
import dev.rollcall.statement.Statement.ListRoles;
import dev.rollcall.statement.Statement.ListSecurityIntegrations;
import dev.rollcall.statement.Statement.ListUsers;
import dev.rollcall.statement.Statement.RenewSecurityIntegrationToken;
import dev.rollcall.statement.Statement.RevokePrivileges;
import dev.rollcall.statement.Statement.RevokeRole;
import dev.rollcall.statement.Token.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses one admin statement (a hand-written lexer and recursive-descent parser). Keywords are
 * case-insensitive and reserved: a name spelled like a keyword must be double-quoted. Unquoted
 * names are lower-cased; double-quoted names keep their case. Thread-safe.
 */
public final class StatementParser {

  static final Set<String> KEYWORDS =
      Set.of(
          "ALL",
          "ALTER",
          "API_TOKEN",
          "API_TOKENS",
          "CAN",
          "CREATE",
          "DESCRIBE",
          "DROP",
          "EXISTS",
          "FALSE",
          "FROM",
          "GRANT",
          "I",
          "IF",
          "INTEGRATION",
          "INTEGRATIONS",
          "INVITE",
          "LIST",
          "NOT",
          "ON",
          "OPTION",
          "ORGANIZATION",
          "PRIVILEGES",
          "RENEW",
          "REVOKE",
          "ROLE",
          "ROLES",
          "SECURITY",
          "TO",
          "TOKEN",
          "TRUE",
          "USER",
          "USERS",
          "WITH");

  private static final String STATEMENTS =
      "CREATE, DROP, LIST, DESCRIBE, GRANT, REVOKE, INVITE, CAN or ALTER";

  private static final String PRIVILEGE_NAMES =
      Arrays.stream(Privilege.values()).map(Enum::name).collect(Collectors.joining(", "));

  /**
   * Parses exactly one statement, optionally followed by a semicolon.
   *
   * @throws StatementSyntaxException if the text is not one valid statement
   */
  public Statement parse(String text) {
    Objects.requireNonNull(text, "text");
    return new Parser(new TokenCursor(Lexer.tokenize(text))).statement();
  }

  /** The state of one parse. */
  private static final class Parser {

    private final TokenCursor in;

    Parser(TokenCursor in) {
      this.in = in;
    }

    Statement statement() {
      Token first = in.peek();
      if (first.type() == Type.END || first.type() == Type.SEMICOLON) {
        throw TokenCursor.error(first, "empty statement: expected " + STATEMENTS);
      }
      Statement statement = command(in.next());
      in.expectEnd();
      return statement;
    }

    private Statement command(Token verb) {
      return switch (verb.keyword()) {
        case "CREATE" -> create();
        case "DROP" -> drop();
        case "LIST" -> list();
        case "DESCRIBE" -> describe();
        case "GRANT" -> grant();
        case "REVOKE" -> revoke();
        case "INVITE" -> invite();
        case "CAN" -> canI();
        case "ALTER" -> alter();
        default -> throw unexpected(verb, "a statement (" + STATEMENTS + ")");
      };
    }

    // ---- CREATE / DROP / LIST / DESCRIBE / ALTER

    private Statement create() {
      Token object = in.next();
      return switch (object.keyword()) {
        case "ROLE" -> {
          boolean ifNotExists = ifNotExists();
          yield new CreateRole(name("role name"), ifNotExists);
        }
        case "API_TOKEN" -> new CreateApiToken(name("API token name"), optionalOptions());
        case "SECURITY" -> createSecurityIntegration();
        case "USER" ->
            throw unexpected(
                object,
                "ROLE, API_TOKEN or SECURITY INTEGRATION after CREATE (users join through INVITE"
                    + " USER or SCIM)");
        default -> throw unexpected(object, "ROLE, API_TOKEN or SECURITY INTEGRATION after CREATE");
      };
    }

    private Statement createSecurityIntegration() {
      in.expectKeyword("INTEGRATION", "after SECURITY");
      boolean ifNotExists = ifNotExists();
      String name = name("security integration name");
      in.expectKeyword("WITH", "and the integration's options after the name");
      return new CreateSecurityIntegration(name, ifNotExists, options());
    }

    private Statement drop() {
      Token object = in.next();
      return switch (object.keyword()) {
        case "ROLE" -> {
          boolean ifExists = ifExists();
          yield new DropRole(name("role name"), ifExists);
        }
        case "USER" -> new DropUser(email());
        case "API_TOKEN" -> new DropApiToken(name("API token name"));
        case "SECURITY" -> {
          in.expectKeyword("INTEGRATION", "after SECURITY");
          boolean ifExists = ifExists();
          yield new DropSecurityIntegration(name("security integration name"), ifExists);
        }
        default ->
            throw unexpected(object, "ROLE, USER, API_TOKEN or SECURITY INTEGRATION after DROP");
      };
    }

    private Statement list() {
      Token objects = in.next();
      return switch (objects.keyword()) {
        case "ROLES" -> new ListRoles();
        case "USERS" -> new ListUsers();
        case "API_TOKENS" -> new ListApiTokens();
        case "SECURITY" -> {
          in.expectKeyword("INTEGRATIONS", "after LIST SECURITY");
          yield new ListSecurityIntegrations();
        }
        case "PROVISIONING" -> {
          in.expectKeyword("EVENTS", "after LIST PROVISIONING");
          Optional<String> integration = Optional.empty();
          if (in.acceptKeyword("FOR")) {
            in.expectKeyword("SECURITY", "after FOR");
            in.expectKeyword("INTEGRATION", "after FOR SECURITY");
            integration = Optional.of(name("security integration name"));
          }
          yield new ListProvisioningEvents(integration, limit());
        }
        case "AUDIT" -> {
          in.expectKeyword("EVENTS", "after LIST AUDIT");
          yield new ListAuditEvents(limit());
        }
        default ->
            throw unexpected(
                objects,
                "ROLES, USERS, API_TOKENS, SECURITY INTEGRATIONS, PROVISIONING EVENTS or AUDIT"
                    + " EVENTS after LIST");
      };
    }

    /** {@code [LIMIT n]}, n from 1 to {@link Statement#MAX_LIMIT}. */
    private int limit() {
      if (!in.acceptKeyword("LIMIT")) {
        return Statement.DEFAULT_LIMIT;
      }
      Token count = in.peek();
      String expected = "a whole number from 1 to " + Statement.MAX_LIMIT + " after LIMIT";
      if (count.type() != Type.NUMBER) {
        throw unexpected(count, expected);
      }
      int limit;
      try {
        limit = Integer.parseInt(count.text());
      } catch (NumberFormatException e) {
        throw unexpected(count, expected);
      }
      if (limit < 1 || limit > Statement.MAX_LIMIT) {
        throw unexpected(count, expected);
      }
      in.next();
      return limit;
    }

    private Statement describe() {
      Token object = in.next();
      return switch (object.keyword()) {
        case "ROLE" -> new DescribeRole(name("role name"));
        case "USER" -> new DescribeUser(email());
        case "SECURITY" -> {
          in.expectKeyword("INTEGRATION", "after SECURITY");
          yield new DescribeSecurityIntegration(name("security integration name"));
        }
        default -> throw unexpected(object, "ROLE, USER or SECURITY INTEGRATION after DESCRIBE");
      };
    }

    private Statement alter() {
      if (in.acceptKeyword("USER")) {
        String email = email();
        in.expectKeyword("SET", "after the user");
        in.expectKeyword("ACTIVE", "after SET");
        in.expect(Type.EQUALS, "'=' after ACTIVE");
        if (in.acceptKeyword("TRUE")) {
          return new AlterUserActive(email, true);
        }
        in.expectKeyword("FALSE", "or TRUE after ACTIVE =");
        return new AlterUserActive(email, false);
      }
      if (!in.acceptKeyword("SECURITY")) {
        throw in.unexpected("USER or SECURITY INTEGRATION after ALTER");
      }
      in.expectKeyword("INTEGRATION", "after SECURITY");
      String name = name("security integration name");
      in.expectKeyword("RENEW", "after the security integration name");
      in.expectKeyword("TOKEN", "after RENEW");
      return new RenewSecurityIntegrationToken(name);
    }

    // ---- GRANT / REVOKE / CAN I

    private Statement grant() {
      if (in.acceptKeyword("ROLE")) {
        String role = name("role name");
        in.expectKeyword("TO", "after the role name");
        return new GrantRole(role, grantee("TO"));
      }
      Set<Privilege> privileges = privileges("ROLE, ALL or a privilege after GRANT");
      onOrganization("the privileges");
      in.expectKeyword("TO", "after ON ORGANIZATION");
      in.expectKeyword("ROLE", "after TO (privileges are granted to roles)");
      String role = name("role name");
      boolean withGrantOption = in.acceptKeyword("WITH");
      if (withGrantOption) {
        in.expectKeyword("GRANT", "after WITH");
        in.expectKeyword("OPTION", "after WITH GRANT");
      }
      return new GrantPrivileges(privileges, role, withGrantOption);
    }

    private Statement revoke() {
      if (in.acceptKeyword("ROLE")) {
        String role = name("role name");
        in.expectKeyword("FROM", "after the role name");
        return new RevokeRole(role, grantee("FROM"));
      }
      Set<Privilege> privileges = privileges("ROLE, ALL or a privilege after REVOKE");
      onOrganization("the privileges");
      in.expectKeyword("FROM", "after ON ORGANIZATION");
      in.expectKeyword("ROLE", "after FROM (privileges are revoked from roles)");
      return new RevokePrivileges(privileges, name("role name"));
    }

    private Statement canI() {
      in.expectKeyword("I", "after CAN");
      Privilege privilege = privilege("a privilege after CAN I");
      onOrganization("the privilege");
      return new CanI(privilege);
    }

    /** {@code ALL [PRIVILEGES]} or {@code priv[, priv...]}. */
    private Set<Privilege> privileges(String firstExpectation) {
      if (in.acceptKeyword("ALL")) {
        in.acceptKeyword("PRIVILEGES");
        return EnumSet.allOf(Privilege.class);
      }
      Set<Privilege> privileges = EnumSet.of(privilege(firstExpectation));
      while (in.accept(Type.COMMA)) {
        privileges.add(privilege("a privilege after ','"));
      }
      return privileges;
    }

    private Privilege privilege(String expectation) {
      Token token = in.peek();
      if (token.type() != Type.IDENTIFIER || KEYWORDS.contains(token.keyword())) {
        throw unexpected(token, expectation + " (one of " + PRIVILEGE_NAMES + ")");
      }
      Privilege privilege =
          Privilege.fromName(token.text())
              .orElseThrow(
                  () ->
                      TokenCursor.error(
                          token,
                          "unknown privilege '"
                              + token.text()
                              + "': expected one of "
                              + PRIVILEGE_NAMES));
      in.next();
      return privilege;
    }

    private void onOrganization(String after) {
      in.expectKeyword("ON", "after " + after);
      in.expectKeyword("ORGANIZATION", "after ON");
    }

    private Grantee grantee(String preposition) {
      Token kind = in.next();
      return switch (kind.keyword()) {
        case "USER" -> new UserGrantee(email());
        case "ROLE" -> new RoleGrantee(name("role name"));
        default -> throw unexpected(kind, "USER or ROLE after " + preposition);
      };
    }

    // ---- INVITE

    private Statement invite() {
      in.expectKeyword("USER", "after INVITE");
      String email = email();
      return new InviteUser(email, optionalOptions());
    }

    // ---- Names, emails, options

    private boolean ifNotExists() {
      if (!in.acceptKeyword("IF")) {
        return false;
      }
      in.expectKeyword("NOT", "after IF");
      in.expectKeyword("EXISTS", "after IF NOT");
      return true;
    }

    private boolean ifExists() {
      if (!in.acceptKeyword("IF")) {
        return false;
      }
      in.expectKeyword("EXISTS", "after IF");
      return true;
    }

    /** An unquoted name (lower-cased) or a double-quoted one (kept as written). */
    private String name(String what) {
      Token token = in.peek();
      if (token.type() == Type.QUOTED_IDENTIFIER) {
        return in.next().text();
      }
      if (token.type() != Type.IDENTIFIER) {
        throw unexpected(token, what);
      }
      String name = token.text().toLowerCase(Locale.ROOT);
      if (KEYWORDS.contains(token.keyword())) {
        throw unexpected(
            token, what + " (" + token.keyword() + " is a keyword; write \"" + name + "\")");
      }
      in.next();
      return name;
    }

    private String email() {
      Token token = in.peek();
      if (token.type() != Type.STRING || token.text().isBlank()) {
        throw unexpected(token, "the user's email in single quotes, such as 'ada@example.com'");
      }
      return in.next().text();
    }

    private Options optionalOptions() {
      return in.acceptKeyword("WITH") ? options() : Options.none();
    }

    /** {@code ( 'key' = value [, ...] )}, after WITH. */
    private Options options() {
      in.expect(Type.LEFT_PAREN, "'(' after WITH");
      List<Option> entries = new ArrayList<>();
      do {
        entries.add(option(entries));
      } while (in.accept(Type.COMMA));
      in.expect(Type.RIGHT_PAREN, "',' or ')' after option '" + last(entries).key() + "'");
      return new Options(entries);
    }

    private Option option(List<Option> earlier) {
      Token key = in.peek();
      if (key.type() != Type.STRING || key.text().isEmpty()) {
        throw unexpected(key, "an option name in single quotes, such as 'type'");
      }
      String name = key.text().toLowerCase(Locale.ROOT);
      if (earlier.stream().anyMatch(option -> option.key().equals(name))) {
        throw TokenCursor.error(
            key, "option '" + name + "' is given twice: expected each option at most once");
      }
      in.next();
      in.expect(Type.EQUALS, "'=' after option '" + name + "'");
      return new Option(name, optionValue(name), key.offset());
    }

    private OptionValue optionValue(String key) {
      Token token = in.peek();
      OptionValue value =
          switch (token.type()) {
            case IDENTIFIER ->
                token.isKeyword("TRUE") || token.isKeyword("FALSE")
                    ? new OptionValue(Kind.BOOLEAN, token.text().toLowerCase(Locale.ROOT))
                    : new OptionValue(Kind.IDENTIFIER, token.text());
            case QUOTED_IDENTIFIER -> new OptionValue(Kind.QUOTED_IDENTIFIER, token.text());
            case STRING -> new OptionValue(Kind.STRING, token.text());
            case NUMBER -> new OptionValue(Kind.NUMBER, token.text());
            default ->
                throw unexpected(
                    token,
                    "a value for option '"
                        + key
                        + "' (a name, a 'string', a number, TRUE or FALSE)");
          };
      in.next();
      return value;
    }

    private static Option last(List<Option> options) {
      return options.get(options.size() - 1);
    }
  }
}
