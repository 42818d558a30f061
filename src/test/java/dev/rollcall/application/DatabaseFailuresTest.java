package dev.rollcall.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.DatabaseFailures.Failure;
import dev.rollcall.application.DatabaseFailures.Kind;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Failures shaped as Derby and MySQL/MariaDB report them, wrapped as JPA and EJB wrap them. */
class DatabaseFailuresTest {

  /** As EclipseLink delivers a driver's exception: inside a DatabaseException, inside JPA's. */
  private static Throwable wrapped(SQLException sql) {
    return new RuntimeException(
        "EJB", new PersistenceException("jpa", new RuntimeException("eclipselink", sql)));
  }

  @Test
  void derbyDuplicateKeyNamesTheConstraint() {
    Failure failure =
        DatabaseFailures.classify(
            wrapped(
                new SQLIntegrityConstraintViolationException(
                    "The statement was aborted because it would have caused a duplicate key value"
                        + " in a unique or primary key constraint or unique index identified by"
                        + " 'UK_MEMBERS_USER_NAME' defined on 'MEMBERS'.",
                    "23505",
                    20000)));
    assertEquals(Kind.DUPLICATE_KEY, failure.kind());
    assertTrue(failure.violates("uk_members_user_name"));
    assertFalse(failure.violates("uk_roles_name"));
  }

  @Test
  void mysqlAndMariadbDuplicateKeysNameTheKey() {
    Failure mysql =
        DatabaseFailures.classify(
            wrapped(
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry 'o1-bob' for key 'members.uk_members_user_name'",
                    "23000",
                    1062)));
    assertTrue(mysql.violates("uk_members_user_name"));
    Failure mariadb =
        DatabaseFailures.classify(
            wrapped(
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry 'o1-Eng' for key 'uk_roles_name'", "23000", 1062)));
    assertTrue(mariadb.violates("uk_roles_name"));
    assertFalse(mariadb.violates("uk_members_user_name"));
    Failure primary =
        DatabaseFailures.classify(
            wrapped(
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry 'o1-m-r' for key 'PRIMARY'", "23000", 1062)));
    assertEquals(Kind.DUPLICATE_KEY, primary.kind());
    assertFalse(primary.violates("uk_members_user_name"));
  }

  @Test
  void deadlocksLockTimeoutsAndLostConnectionsAreTransient() {
    SQLException[] transients = {
      new SQLTransactionRollbackException("deadlock", "40001", 30000), // Derby deadlock
      new SQLTransactionRollbackException("lock timeout", "40XL1", 30000), // Derby
      new SQLTransactionRollbackException("lock timeout, table dump", "40XL2", 30000),
      new SQLTransactionRollbackException("Deadlock found", "40001", 1213), // MySQL / MariaDB
      new SQLException("Lock wait timeout exceeded", "HY000", 1205),
      new SQLNonTransientConnectionException("connection closed", "08003", 0),
      new SQLException("Communications link failure", "08S01", 0),
      new SQLTransientConnectionException("pool", null, 0),
      new SQLTimeoutException("Statement cancelled due to timeout", "S1000", 0),
      new SQLException("max_statement_time exceeded", "70100", 1969),
    };
    for (SQLException sql : transients) {
      assertTrue(DatabaseFailures.classify(wrapped(sql)).isTransient(), sql.getMessage());
    }
  }

  @Test
  void otherFailuresAreNeitherCollisionsNorTransient() {
    SQLException[] others = {
      new SQLException("value too long for column", "22001", 30000), // Derby
      new SQLException("Data too long for column 'title'", "22001", 1406), // MySQL
      new SQLIntegrityConstraintViolationException("foreign key", "23000", 1452),
      new SQLIntegrityConstraintViolationException("null", "23502", 30000),
      new SQLException("syntax", "42X01", 30000),
    };
    for (SQLException sql : others) {
      Failure failure = DatabaseFailures.classify(wrapped(sql));
      assertEquals(Kind.OTHER, failure.kind(), sql.getMessage());
      assertFalse(failure.violates("uk_members_user_name"));
    }
    assertEquals(Kind.OTHER, DatabaseFailures.classify(new IllegalStateException("x")).kind());
  }

  @Test
  void aLostConnectionWithoutASqlExceptionIsTransientToo() {
    class CommunicationsException extends RuntimeException {
      CommunicationsException() {
        super("Communications link failure");
      }
    }
    assertTrue(
        DatabaseFailures.classify(new PersistenceException(new CommunicationsException()))
            .isTransient());
  }

  @Test
  void chainedSqlExceptionsAreRead() {
    SQLException batch = new SQLException("batch failed", "XJ208", 0);
    batch.setNextException(
        new SQLIntegrityConstraintViolationException(
            "... identified by 'PK_MEMBER_ROLES' defined on 'MEMBER_ROLES'.", "23505", 20000));
    Failure failure = DatabaseFailures.classify(wrapped(batch));
    assertTrue(failure.violates("pk_member_roles"));
  }
}
