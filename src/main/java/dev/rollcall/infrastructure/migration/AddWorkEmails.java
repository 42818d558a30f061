package dev.rollcall.infrastructure.migration;

import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.EmailList;
import dev.rollcall.domain.member.Member;
import dev.rollcall.infrastructure.persistence.EmailListConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Changeset 012: members made by the operator API, INVITE USER or recovery had a primary email
 * ({@code members.email}) but no SCIM emails. Each gets that address as its one SCIM email, type
 * work and primary, in its row ({@link EmailListConverter}'s JSON) and in the {@code member_emails}
 * index, as the application now writes them. Members in key order, a bounded chunk at a time.
 */
public class AddWorkEmails extends DataMigration {
  private static final int CHUNK = 5_000;
  private static final String SELECT =
      "SELECT org_id, id, email FROM members WHERE email IS NOT NULL AND emails IS NULL"
          + " AND NOT EXISTS (SELECT 1 FROM member_emails e"
          + " WHERE e.org_id = members.org_id AND e.member_id = members.id)";
  private static final String ORDER = " ORDER BY org_id, id";

  private final int chunk;
  private int migrated;

  /** Liquibase's: chunks of {@value #CHUNK} members. */
  public AddWorkEmails() {
    this(CHUNK);
  }

  AddWorkEmails(int chunk) {
    super("giving members their email as a SCIM email failed");
    this.chunk = chunk;
  }

  private record Owner(String org, String member, String email) {}

  /** Migrates every member that needs it; the number of members written. */
  @Override
  int migrate(Connection connection) throws SQLException {
    EmailListConverter json = new EmailListConverter();
    int count = 0;
    try (PreparedStatement first = connection.prepareStatement(SELECT + ORDER);
        PreparedStatement next =
            connection.prepareStatement(
                SELECT + " AND (org_id > ? OR (org_id = ? AND id > ?))" + ORDER);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE members SET emails = ?, version = version + 1 WHERE org_id = ? AND id = ?");
        PreparedStatement index =
            connection.prepareStatement(
                "INSERT INTO member_emails (org_id, member_id, position, email_value, value_key,"
                    + " email_type, display, is_primary) VALUES (?, ?, 0, ?, ?, ?, NULL, 1)")) {
      first.setMaxRows(chunk);
      next.setMaxRows(chunk);
      PreparedStatement query = first;
      while (true) {
        List<Owner> owners = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            owners.add(new Owner(result.getString(1), result.getString(2), result.getString(3)));
          }
        }
        for (Owner owner : owners) {
          Email work = Email.work(owner.email());
          update.setString(1, json.convertToDatabaseColumn(new EmailList(List.of(work))));
          update.setString(2, owner.org());
          update.setString(3, owner.member());
          update.addBatch();
          index.setString(1, owner.org());
          index.setString(2, owner.member());
          index.setString(3, work.value());
          index.setString(4, Member.key(work.value()));
          index.setString(5, work.type());
          index.addBatch();
        }
        if (!owners.isEmpty()) {
          update.executeBatch();
          index.executeBatch();
          count += owners.size();
        }
        if (owners.size() < chunk) {
          break;
        }
        Owner end = owners.get(owners.size() - 1);
        next.setString(1, end.org());
        next.setString(2, end.org());
        next.setString(3, end.member());
        query = next;
      }
    }
    migrated += count;
    return count;
  }

  @Override
  public String getConfirmationMessage() {
    return "Gave " + migrated + " members their email as a SCIM email";
  }
}
