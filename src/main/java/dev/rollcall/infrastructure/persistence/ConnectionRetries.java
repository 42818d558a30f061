package dev.rollcall.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * How EclipseLink retries a query whose connection failed: once, after {@link #DELAY_MILLIS}, on a
 * fresh connection from the pool (Liberty purges the pool when one connection turns out stale). Its
 * default (three attempts, five seconds apart) held each request for ten seconds while the database
 * was down before the 503; one quick retry still carries a request over a database restart.
 */
public class ConnectionRetries implements SessionCustomizer {
  static final int DELAY_MILLIS = 200;

  @Override
  public void customize(Session session) {
    DatabaseLogin login = session.getLogin();
    login.setQueryRetryAttemptCount(1);
    login.setDelayBetweenConnectionAttempts(DELAY_MILLIS);
  }
}
