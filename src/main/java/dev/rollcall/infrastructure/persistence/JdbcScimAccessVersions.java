package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.integration.ScimAccessVersions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@code scim_access} table: one row per organization. The bump runs through the persistence
 * context, in the transaction that made the change; the poll is one indexed range read on plain
 * JDBC, outside any transaction.
 */
@ApplicationScoped
public class JdbcScimAccessVersions implements ScimAccessVersions {
  /** Seconds a poll may take before the driver cancels it. */
  private static final int POLL_TIMEOUT_SECONDS = 2;

  private final EntityManager em;

  @Resource(lookup = "jdbc/rollcall")
  private DataSource dataSource;

  @Inject
  public JdbcScimAccessVersions(EntityManager em) {
    this.em = em;
  }

  protected JdbcScimAccessVersions() {
    this.em = null;
  }

  @Override
  public void bump(String organizationId, Instant now) {
    int updated =
        em.createNativeQuery(
                "UPDATE scim_access SET version = version + 1, changed_at = ? WHERE org_id = ?")
            .setParameter(1, now.toEpochMilli())
            .setParameter(2, organizationId)
            .executeUpdate();
    if (updated == 0) {
      // organizations get their row when they are set up (and from changeset 015 before that)
      em.createNativeQuery("INSERT INTO scim_access (org_id, version, changed_at) VALUES (?, 1, ?)")
          .setParameter(1, organizationId)
          .setParameter(2, now.toEpochMilli())
          .executeUpdate();
    }
  }

  @Override
  public Map<String, Long> changedSince(Instant since) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT org_id, version FROM scim_access WHERE changed_at >= ?")) {
      select.setQueryTimeout(POLL_TIMEOUT_SECONDS);
      select.setLong(1, since.toEpochMilli());
      Map<String, Long> versions = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          versions.put(rows.getString(1), rows.getLong(2));
        }
      }
      return versions;
    } catch (SQLException e) {
      throw new PersistenceException("reading the SCIM access versions failed", e);
    }
  }
}
