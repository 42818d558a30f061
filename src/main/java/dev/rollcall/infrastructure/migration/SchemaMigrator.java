package dev.rollcall.infrastructure.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the database schema up to date before the application serves anything: the versioned
 * Liquibase changelog under {@code db/changelog} is the only thing that creates or changes tables.
 * Runs outside any global transaction (MySQL refuses DDL inside XA transactions); Liquibase's lock
 * table keeps two starting instances from migrating at once. A failed migration stops the
 * application from starting.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {
  static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "jdbc/rollcall")
  private DataSource dataSource;

  private volatile boolean migrated;

  @PostConstruct
  void migrate() {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Liquibase liquibase =
          new Liquibase(
              CHANGELOG, new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
      liquibase.update(new Contexts(), new LabelExpression());
      // Liquibase leaves auto-commit off; hand the connection back to the pool with nothing
      // pending.
      if (!connection.getAutoCommit()) {
        connection.commit();
        connection.setAutoCommit(true);
      }
      migrated = true;
      LOG.info(() -> "Database schema is up to date (" + database.getDatabaseProductName() + ")");
    } catch (SQLException | LiquibaseException e) {
      throw new IllegalStateException("database migration failed", e);
    }
  }

  public boolean migrated() {
    return migrated;
  }
}
