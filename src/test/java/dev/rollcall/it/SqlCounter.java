package dev.rollcall.it;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.eclipse.persistence.sessions.Session;

/**
 * Records every SQL statement EclipseLink sends, through the session log's SQL category (logged
 * once per execution, before it runs), while forwarding everything else to the log it replaced.
 * Installed on the server session for the duration of one in-container test; requests must run one
 * at a time for the counts to mean one request each.
 */
final class SqlCounter extends AbstractSessionLog {
  private final Session session;
  private final SessionLog previous;
  private final List<String> statements = new ArrayList<>();

  private SqlCounter(Session session) {
    this.session = session;
    this.previous = session.getSessionLog();
    setLevel(previous.getLevel());
    setLevel(SessionLog.FINE, SessionLog.SQL);
    setShouldLogExceptionStackTrace(false);
  }

  static SqlCounter install(Session session) {
    SqlCounter counter = new SqlCounter(session);
    session.setSessionLog(counter);
    return counter;
  }

  void uninstall() {
    session.setSessionLog(previous);
  }

  @Override
  public synchronized void log(SessionLogEntry entry) {
    if (SessionLog.SQL.equals(entry.getNameSpace())) {
      String sql = entry.getMessage();
      if (sql != null && !sql.isBlank()) {
        statements.add(sql.strip());
      }
      return;
    }
    if (previous.shouldLog(entry.getLevel(), entry.getNameSpace())) {
      previous.log(entry);
    }
  }

  /** The statements logged since the last call, and forgets them. */
  synchronized List<String> take() {
    List<String> taken = List.copyOf(statements);
    statements.clear();
    return taken;
  }
}
