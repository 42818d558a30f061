package dev.rollcall.it;

import dev.rollcall.web.RequestIds;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Records the request id of every JTA transaction that commits a unit of work (EclipseLink's
 * postCommitUnitOfWork: under JTA it fires once the transaction committed, on the thread that
 * committed it, where {@link RequestIds} knows the request). Transactions no request runs (a
 * background poll) have no request id and are not recorded. Installed on the server session for the
 * duration of one in-container test; the units of work acquired meanwhile carry its listener.
 */
final class CommitCounter extends SessionEventAdapter {
  private final Session session;
  private final List<String> requestIds = new ArrayList<>();

  private CommitCounter(Session session) {
    this.session = session;
  }

  static CommitCounter install(Session session) {
    CommitCounter counter = new CommitCounter(session);
    session.getEventManager().addListener(counter);
    return counter;
  }

  void uninstall() {
    session.getEventManager().removeListener(this);
  }

  @Override
  public synchronized void postCommitUnitOfWork(SessionEvent event) {
    RequestIds.current().ifPresent(requestIds::add);
  }

  /** How many transactions the request with this id committed since the last call; forgets all. */
  synchronized long take(String requestId) {
    long commits = requestIds.stream().filter(requestId::equals).count();
    requestIds.clear();
    return commits;
  }
}
