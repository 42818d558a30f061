package dev.rollcall.infrastructure.migration;

import java.sql.Connection;
import java.sql.SQLException;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A Java changeset that copies data with plain JDBC on Liquibase's connection: it needs no set-up,
 * no files and no validation of its own, so it only says what it does ({@link #migrate}) and what
 * it did ({@link #getConfirmationMessage}).
 */
abstract class DataMigration implements CustomTaskChange {
  private final String failure;

  /** {@code failure}: what failed, as the changeset's error says it ("copying ... failed"). */
  DataMigration(String failure) {
    this.failure = failure;
  }

  /** Migrates every row that needs it; the number of members written. */
  abstract int migrate(Connection connection) throws SQLException;

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try {
      migrate(connection);
    } catch (SQLException e) {
      throw new CustomChangeException(failure, e);
    }
  }

  @Override
  public void setUp() {}

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {}

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
