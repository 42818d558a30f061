package dev.rollcall.application;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a database failure was, read from the SQLState and vendor codes in its cause chain (Derby
 * and MySQL/MariaDB): the one place that knows how each database reports a duplicate key, a
 * deadlock, a lock timeout or a lost connection. Callers turn the answer into domain exceptions.
 */
public final class DatabaseFailures {
  private static final int MAX_DEPTH = 20;

  // MySQL / MariaDB vendor codes
  private static final int MYSQL_DUPLICATE_KEY = 1062;
  private static final int MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME = 1586;
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int MYSQL_DEADLOCK = 1213;
  private static final int MYSQL_QUERY_INTERRUPTED = 1317;
  private static final int MYSQL_STATEMENT_TIMEOUT = 3024;
  private static final int MARIADB_STATEMENT_TIMEOUT = 1969;

  /** The kinds of failure the application tells apart. */
  public enum Kind {
    /** A unique or primary key was violated; {@link Failure#key()} tells which, when known. */
    DUPLICATE_KEY,
    /** A deadlock, a lock or query timeout, a lost connection: the same work may succeed again. */
    TRANSIENT,
    /** Anything else: a fault to log and report as one. */
    OTHER
  }

  /**
   * A classified failure.
   *
   * @param key for a duplicate key: the constraint or index the database named, lower-cased
   */
  public record Failure(Kind kind, Optional<String> key) {
    /** Whether this is a violation of that unique key (matched by the name the database gives). */
    public boolean violates(String constraint) {
      return kind == Kind.DUPLICATE_KEY
          && key.map(k -> k.contains(constraint.toLowerCase(Locale.ROOT))).orElse(false);
    }

    public boolean isTransient() {
      return kind == Kind.TRANSIENT;
    }
  }

  private DatabaseFailures() {}

  /** Classifies {@code failure} by the first SQL exception in its chain that says what it was. */
  public static Failure classify(Throwable failure) {
    Throwable current = failure;
    for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
      if (current instanceof SQLException sql) {
        for (SQLException each = sql; each != null; each = each.getNextException()) {
          Optional<Failure> known = classify(each);
          if (known.isPresent()) {
            return known.get();
          }
        }
      } else if (isLostConnection(current)) {
        return new Failure(Kind.TRANSIENT, Optional.empty());
      }
      Throwable next = current.getCause();
      if (next == current) {
        break;
      }
      current = next;
    }
    return new Failure(Kind.OTHER, Optional.empty());
  }

  private static Optional<Failure> classify(SQLException sql) {
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    int code = sql.getErrorCode();
    if (code == MYSQL_DUPLICATE_KEY
        || code == MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME
        || state.equals("23505")) {
      return Optional.of(new Failure(Kind.DUPLICATE_KEY, keyName(sql.getMessage())));
    }
    if (code == MYSQL_DEADLOCK
        || code == MYSQL_LOCK_WAIT_TIMEOUT
        || code == MYSQL_QUERY_INTERRUPTED
        || code == MYSQL_STATEMENT_TIMEOUT
        || code == MARIADB_STATEMENT_TIMEOUT
        || state.equals("40001")
        || state.equals("40XL1")
        || state.equals("40XL2")
        || state.startsWith("08")
        || state.equals("HYT00")
        || state.equals("XCL52")
        || sql instanceof SQLTransientException
        || sql instanceof SQLRecoverableException
        || sql instanceof SQLTimeoutException
        || sql instanceof SQLTransactionRollbackException) {
      return Optional.of(new Failure(Kind.TRANSIENT, Optional.empty()));
    }
    if (sql instanceof SQLIntegrityConstraintViolationException && state.equals("23000")) {
      // other integrity violations (a foreign key, a null) are faults, not collisions
      return Optional.of(new Failure(Kind.OTHER, Optional.empty()));
    }
    return Optional.empty();
  }

  /** A driver's own exception for a connection that broke while the work was under way. */
  private static boolean isLostConnection(Throwable t) {
    String name = t.getClass().getSimpleName();
    return name.equals("CommunicationsException") || name.equals("CJCommunicationsException");
  }

  /**
   * The constraint or index a duplicate-key message names: MySQL/MariaDB say {@code for key
   * 'members.uk_members_user_name'}, Derby {@code identified by 'UK_MEMBERS_USER_NAME' defined on
   * 'MEMBERS'}.
   */
  private static Optional<String> keyName(String message) {
    if (message == null) {
      return Optional.empty();
    }
    String lower = message.toLowerCase(Locale.ROOT);
    for (String marker : new String[] {"for key '", "identified by '"}) {
      int start = lower.indexOf(marker);
      if (start >= 0) {
        start += marker.length();
        int end = lower.indexOf('\'', start);
        if (end > start) {
          return Optional.of(lower.substring(start, end));
        }
      }
    }
    return Optional.empty();
  }
}
