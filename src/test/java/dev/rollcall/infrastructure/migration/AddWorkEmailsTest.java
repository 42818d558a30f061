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
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Changeset 012 over rows written the old way (members made by the operator API, INVITE USER or
 * recovery had a primary email but no SCIM emails): each gets its address as its one SCIM email,
 * type work and primary, in its row and in the email index; members pushed by SCIM and members
 * without an email are left alone. Runs the real changelog on an in-memory Derby.
 */
class AddWorkEmailsTest {
  private static int databases;
  private Connection connection;

  @BeforeEach
  void migrate() throws Exception {
    connection =
        DriverManager.getConnection(
            "jdbc:derby:memory:work-emails-" + ++databases + ";create=true");
    update();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private void update() throws Exception {
    new Liquibase(
            SchemaMigrator.CHANGELOG,
            new ClassLoaderResourceAccessor(getClass().getClassLoader()),
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection)))
        .update(new Contexts(), new LabelExpression());
    connection.setAutoCommit(true);
  }

  /** Writes the old rows, then runs changeset 012 again through Liquibase, as an upgrade would. */
  private void upgrade() throws Exception {
    try (PreparedStatement forget =
        connection.prepareStatement("DELETE FROM DATABASECHANGELOG WHERE ID LIKE '012-%'")) {
      assertEquals(1, forget.executeUpdate(), "changeset 012 ran on the empty database");
    }
    update();
  }

  @Test
  void membersWithOnlyAPrimaryEmailGetItAsTheirWorkEmail() throws Exception {
    member("org-a", "admin", "Admin@A.example", null);
    member("org-a", "quoted", "o'brien\"x\\y@a.example", null);
    member("org-a", "pushed", "p@a.example", "[{\"value\":\"p@a.example\",\"primary\":true}]");
    email("org-a", "pushed", 0, "p@a.example", null, true);
    member("org-a", "nameless", null, null);
    member("org-b", "admin", "admin@b.example", null);

    upgrade();

    Email admin = new Email("Admin@A.example", "work", null, true);
    assertEquals(List.of(admin), emailsOf("org-a", "admin"));
    assertEquals(List.of(admin), indexOf("org-a", "admin"));
    assertEquals("admin@a.example", valueKey("org-a", "admin"));
    Email quoted = new Email("o'brien\"x\\y@a.example", "work", null, true);
    assertEquals(List.of(quoted), emailsOf("org-a", "quoted"));
    assertEquals(List.of(quoted), indexOf("org-a", "quoted"));
    assertEquals(
        List.of(new Email("admin@b.example", "work", null, true)), emailsOf("org-b", "admin"));
    assertEquals(
        List.of(new Email("admin@b.example", "work", null, true)), indexOf("org-b", "admin"));

    Email pushed = new Email("p@a.example", null, null, true);
    assertEquals(List.of(pushed), emailsOf("org-a", "pushed"), "a pushed member is left alone");
    assertEquals(List.of(pushed), indexOf("org-a", "pushed"));
    assertNull(column("org-a", "nameless"), "a member without an email keeps none");
    assertEquals(List.of(), indexOf("org-a", "nameless"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 500})
  void everyOldMemberIsMigratedWhateverTheChunks(int chunk) throws Exception {
    for (int i = 0; i < 7; i++) {
      member(i % 2 == 0 ? "org-a" : "org-b", "m" + i, "m" + i + "@x.example", null);
    }
    member("org-a", "pushed", "p@a.example", "[{\"value\":\"p@a.example\",\"primary\":true}]");
    email("org-a", "pushed", 0, "p@a.example", null, true);

    assertEquals(7, new AddWorkEmails(chunk).migrate(connection));

    for (int i = 0; i < 7; i++) {
      String org = i % 2 == 0 ? "org-a" : "org-b";
      Email work = new Email("m" + i + "@x.example", "work", null, true);
      assertEquals(List.of(work), emailsOf(org, "m" + i));
      assertEquals(List.of(work), indexOf(org, "m" + i));
    }
    assertEquals(0, new AddWorkEmails(chunk).migrate(connection), "a second run finds nothing");
  }

  private void member(String org, String id, String email, String emails) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO members (org_id, id, user_name, user_name_key, email, email_key, emails,"
                + " active, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 0, 0, 1)")) {
      insert.setString(1, org);
      insert.setString(2, id);
      insert.setString(3, email == null ? id : email);
      insert.setString(4, (email == null ? id : email).toLowerCase(Locale.ROOT));
      insert.setString(5, email);
      insert.setString(6, email == null ? null : email.toLowerCase(Locale.ROOT));
      insert.setString(7, emails);
      insert.executeUpdate();
    }
  }

  private void email(
      String org, String member, int position, String value, String type, boolean primary)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO member_emails (org_id, member_id, position, email_value, value_key,"
                + " email_type, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, org);
      insert.setString(2, member);
      insert.setInt(3, position);
      insert.setString(4, value);
      insert.setString(5, value.toLowerCase(Locale.ROOT));
      insert.setString(6, type);
      insert.setInt(7, primary ? 1 : 0);
      insert.executeUpdate();
    }
  }

  private List<Email> emailsOf(String org, String member) throws SQLException {
    return new EmailListConverter().convertToEntityAttribute(column(org, member)).items();
  }

  private List<Email> indexOf(String org, String member) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT email_value, email_type, display, is_primary FROM member_emails"
                + " WHERE org_id = ? AND member_id = ? ORDER BY position")) {
      select.setString(1, org);
      select.setString(2, member);
      List<Email> emails = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          emails.add(
              new Email(
                  rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4) != 0));
        }
      }
      return emails;
    }
  }

  private String valueKey(String org, String member) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT value_key FROM member_emails WHERE org_id = ? AND member_id = ?")) {
      select.setString(1, org);
      select.setString(2, member);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
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
