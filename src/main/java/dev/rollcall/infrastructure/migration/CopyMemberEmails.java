package dev.rollcall.infrastructure.migration;

import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.EmailList;
import dev.rollcall.infrastructure.persistence.EmailListConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Changeset 006: copies every member's {@code member_emails} rows into the member's own {@code
 * emails} column, in the JSON the application writes there ({@link EmailListConverter}). Reads the
 * rows in key order, a bounded chunk at a time, so that neither the server's heap nor one result
 * set has to hold a large organization's emails.
 */
public class CopyMemberEmails extends DataMigration {
  private static final int CHUNK = 5_000;
  private static final int UPDATES_PER_BATCH = 500;
  private static final String COLUMNS =
      "SELECT org_id, member_id, email_value, email_type, display, is_primary FROM member_emails";
  private static final String ORDER = " ORDER BY org_id, member_id, position";

  private final int chunk;
  private int copied;

  /** Liquibase's: chunks of {@value #CHUNK} rows. */
  public CopyMemberEmails() {
    this(CHUNK);
  }

  CopyMemberEmails(int chunk) {
    super("copying members' emails into their rows failed");
    this.chunk = chunk;
  }

  /** One member's emails as read. */
  private record Owner(String org, String member, List<Email> emails) {}

  /** Copies every member's emails; the number of members written. */
  @Override
  int migrate(Connection connection) throws SQLException {
    EmailListConverter json = new EmailListConverter();
    try (PreparedStatement first = connection.prepareStatement(COLUMNS + ORDER);
        PreparedStatement next =
            connection.prepareStatement(
                COLUMNS + " WHERE org_id > ? OR (org_id = ? AND member_id > ?)" + ORDER);
        PreparedStatement ofOne =
            connection.prepareStatement(
                COLUMNS + " WHERE org_id = ? AND member_id = ? ORDER BY position");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE members SET emails = ? WHERE org_id = ? AND id = ?")) {
      first.setMaxRows(chunk);
      next.setMaxRows(chunk);
      PreparedStatement query = first;
      int pending = 0;
      while (true) {
        List<Owner> owners;
        int rows;
        try (ResultSet result = query.executeQuery()) {
          owners = new ArrayList<>();
          rows = read(result, owners);
        }
        if (owners.isEmpty()) {
          break;
        }
        boolean last = rows < chunk;
        if (!last) {
          // the chunk may have cut the last member's emails short: read it whole instead
          Owner cut = owners.remove(owners.size() - 1);
          ofOne.setString(1, cut.org());
          ofOne.setString(2, cut.member());
          List<Owner> whole = new ArrayList<>();
          try (ResultSet result = ofOne.executeQuery()) {
            read(result, whole);
          }
          owners.addAll(whole);
        }
        for (Owner owner : owners) {
          update.setString(1, json.convertToDatabaseColumn(new EmailList(owner.emails())));
          update.setString(2, owner.org());
          update.setString(3, owner.member());
          update.addBatch();
          copied++;
          if (++pending == UPDATES_PER_BATCH) {
            update.executeBatch();
            pending = 0;
          }
        }
        if (last) {
          break;
        }
        Owner end = owners.get(owners.size() - 1);
        next.setString(1, end.org());
        next.setString(2, end.org());
        next.setString(3, end.member());
        query = next;
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
    return copied;
  }

  /** Groups the rows by member, in order; the number of rows read. */
  private static int read(ResultSet result, List<Owner> owners) throws SQLException {
    int rows = 0;
    Owner current = null;
    while (result.next()) {
      rows++;
      String org = result.getString(1);
      String member = result.getString(2);
      if (current == null || !current.org().equals(org) || !current.member().equals(member)) {
        current = new Owner(org, member, new ArrayList<>());
        owners.add(current);
      }
      current
          .emails()
          .add(
              new Email(
                  result.getString(3),
                  result.getString(4),
                  result.getString(5),
                  result.getInt(6) != 0));
    }
    return rows;
  }

  @Override
  public String getConfirmationMessage() {
    return "Copied the emails of " + copied + " members into their rows";
  }
}
