package dev.rollcall.infrastructure.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rollcall.domain.member.Email;
import dev.rollcall.infrastructure.persistence.EmailListConverter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Changeset 006 on a database that already has members and email rows: every member's emails end up
 * in its row, in order, whatever chunk boundaries cut through them. Runs the real changelog on an
 * in-memory Derby.
 */
class CopyMemberEmailsTest {
  private static int databases;
  private Connection connection;

  @BeforeEach
  void migrate() throws Exception {
    connection =
        DriverManager.getConnection(
            "jdbc:derby:memory:copy-emails-" + ++databases + ";create=true");
    new Liquibase(
            SchemaMigrator.CHANGELOG,
            new ClassLoaderResourceAccessor(getClass().getClassLoader()),
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection)))
        .update(new Contexts(), new LabelExpression());
    connection.setAutoCommit(true);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5_000})
  void everyMembersEmailsLandInItsRowInOrder(int chunk) throws SQLException {
    member("org-a", "m1");
    member("org-a", "m2");
    member("org-a", "m3");
    member("org-b", "m1");
    email("org-a", "m1", 0, "one@a.example", "work", null, true);
    email("org-a", "m1", 1, "two@a.example", "home", "Two", false);
    email("org-a", "m1", 2, "three@a.example", null, null, false);
    email("org-a", "m2", 0, "solo@a.example", "work", null, true);
    email("org-b", "m1", 0, "one@b.example", null, null, false);
    email("org-b", "m1", 1, "two@b.example", "other", null, true);

    int copied = new CopyMemberEmails(chunk).migrate(connection);

    assertEquals(3, copied);
    assertEquals(
        List.of(
            new Email("one@a.example", "work", null, true),
            new Email("two@a.example", "home", "Two", false),
            new Email("three@a.example", null, null, false)),
        emailsOf("org-a", "m1"));
    assertEquals(List.of(new Email("solo@a.example", "work", null, true)), emailsOf("org-a", "m2"));
    assertEquals(
        List.of(
            new Email("one@b.example", null, null, false),
            new Email("two@b.example", "other", null, true)),
        emailsOf("org-b", "m1"));
    assertNull(column("org-a", "m3"), "a member without emails keeps NULL");
  }

  private void member(String org, String id) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO members (org_id, id, user_name, user_name_key, active, created_at,"
                + " updated_at, version) VALUES (?, ?, ?, ?, TRUE, 0, 0, 1)")) {
      insert.setString(1, org);
      insert.setString(2, id);
      insert.setString(3, id + "@" + org);
      insert.setString(4, id + "@" + org);
      insert.executeUpdate();
    }
  }

  private void email(
      String org,
      String member,
      int position,
      String value,
      String type,
      String display,
      boolean primary)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO member_emails (org_id, member_id, position, email_value, value_key,"
                + " email_type, display, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, org);
      insert.setString(2, member);
      insert.setInt(3, position);
      insert.setString(4, value);
      insert.setString(5, value.toLowerCase(Locale.ROOT));
      insert.setString(6, type);
      insert.setString(7, display);
      insert.setInt(8, primary ? 1 : 0);
      insert.executeUpdate();
    }
  }

  private List<Email> emailsOf(String org, String member) throws SQLException {
    return new EmailListConverter().convertToEntityAttribute(column(org, member)).items();
  }

  private String column(String org, String member) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT emails FROM members WHERE org_id = ? AND id = ?")) {
      select.setString(1, org);
      select.setString(2, member);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }
}
