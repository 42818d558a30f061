package dev.rollcall.infrastructure.migration;

import dev.rollcall.application.SchemaState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.GlobalConfiguration;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the database schema up to date at start-up: the versioned Liquibase changelog under {@code
 * db/changelog} is the only thing that creates or changes tables. Runs outside any global
 * transaction (MySQL refuses DDL inside XA transactions); Liquibase's lock table keeps two starting
 * instances from migrating at once (the second polls the lock every second, for a minute per
 * attempt). A failed attempt (the database unreachable, the lock held, a failing changeset) is
 * logged and tried again every {@link #RETRY_AFTER} until it succeeds; readiness stays DOWN
 * meanwhile ({@code DatabaseReadiness}).
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigrator {
  static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "jdbc/rollcall")
  private DataSource dataSource;

  @Resource private TimerService timers;

  @Inject private SchemaState schema;

  private int failedAttempts;

  @PostConstruct
  void start() {
    attempt();
  }

  @Timeout
  void retry() {
    attempt();
  }

  /**
   * One migration attempt; on failure, the next one is scheduled (timer callbacks never overlap).
   */
  private void attempt() {
    try {
      migrate();
      if (failedAttempts > 0) {
        LOG.info(() -> "Database migration succeeded after " + failedAttempts + " failed attempts");
      }
    } catch (SQLException | LiquibaseException | RuntimeException e) {
      failedAttempts++;
      // the first failure and then every 30th (a minute) with its cause; the rest in one line
      if (failedAttempts == 1 || failedAttempts % 30 == 0) {
        LOG.log(
            Level.WARNING,
            "Database migration failed (attempt "
                + failedAttempts
                + "), trying again every "
                + RETRY_AFTER.toSeconds()
                + " s; not ready until it succeeds. A lock left by a server killed while"
                + " migrating: see README, Several servers",
            e);
      } else {
        LOG.warning(() -> "Database migration failed (attempt " + failedAttempts + "): " + e);
      }
      timers.createSingleActionTimer(RETRY_AFTER.toMillis(), new TimerConfig(null, false));
    }
  }

  private void migrate() throws SQLException, LiquibaseException {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Liquibase liquibase =
          new Liquibase(
              CHANGELOG, new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
      try {
        Scope.child(
            Map.of(
                GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), 1L,
                GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), 1L),
            () -> liquibase.update(new Contexts(), new LabelExpression()));
      } catch (Exception e) {
        // a failed attempt hands its connection back with nothing pending, else Liberty rolls it
        // back at the end of the start-up bean's local transaction and fails the application
        // (two first starts at once can race for Liquibase's own tables, say)
        rollBack(connection);
        throw e instanceof LiquibaseException l ? l : new LiquibaseException(e);
      }
      // Liquibase leaves auto-commit off; hand the connection back to the pool with nothing
      // pending.
      if (!connection.getAutoCommit()) {
        connection.commit();
        connection.setAutoCommit(true);
      }
      schema.markMigrated();
      LOG.info(() -> "Database schema is up to date (" + database.getDatabaseProductName() + ")");
    }
  }

  private static void rollBack(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.log(Level.FINE, "rolling back the failed migration's connection failed", e);
    }
  }

  public boolean migrated() {
    return schema.migrated();
  }
}
