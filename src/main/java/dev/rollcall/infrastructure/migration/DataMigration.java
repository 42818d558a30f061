package dev.rollcall.infrastructure.migration;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A Java changeset that copies data: it needs no set-up, no files and no validation of its own, so
 * it only says what it does ({@link #execute}) and what it did ({@link #getConfirmationMessage}).
 */
abstract class DataMigration implements CustomTaskChange {
  @Override
  public void setUp() {}

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {}

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
