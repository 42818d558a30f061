package dev.rollcall.console;

import dev.rollcall.application.Secrets;
import dev.rollcall.application.config.DurationSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's server-side sessions, in this server's memory: the browser holds a random secret in
 * an HttpOnly cookie, the server keeps the session under the secret's hash. A session ends at
 * sign-out or after {@code rollcall.console.idle-timeout} without a request; at most {@link
 * #MAX_SESSIONS} are kept, the longest idle dropped first.
 */
@ApplicationScoped
public class ConsoleSessions {
  static final String IDLE_TIMEOUT = "rollcall.console.idle-timeout";
  static final int MAX_SESSIONS = 10_000;
  private static final String SESSION_PREFIX = "rc_console_";
  private static final String CSRF_PREFIX = "rc_csrf_";

  private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idleTimeout;

  /** A new session and the cookie secret that names it (nowhere else). */
  public record Opened(ConsoleSession session, String secret) {
    @Override
    public String toString() {
      return "Opened[" + session.kind() + ", secret=<redacted>]";
    }
  }

  @Inject
  public ConsoleSessions(
      Clock clock, @ConfigProperty(name = IDLE_TIMEOUT, defaultValue = "PT30M") String idle) {
    this.clock = clock;
    this.idleTimeout = DurationSetting.parse(IDLE_TIMEOUT, idle);
  }

  protected ConsoleSessions() {
    this.clock = null;
    this.idleTimeout = null;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public Opened open(
      String organizationId, String memberId, String apiTokenHash, ConsoleSession.Kind kind) {
    Instant now = clock.instant();
    if (sessions.size() >= MAX_SESSIONS) {
      evict(now);
    }
    Secrets.Issued secret = Secrets.issue(SESSION_PREFIX);
    ConsoleSession session =
        new ConsoleSession(
            secret.hash(),
            organizationId,
            memberId,
            apiTokenHash,
            kind,
            Secrets.issue(CSRF_PREFIX).secret(),
            now);
    sessions.put(secret.hash(), session);
    return new Opened(session, secret.secret());
  }

  /** The live session the cookie secret names, marked as seen now; an idle one is ended. */
  public Optional<ConsoleSession> find(String secret) {
    if (secret == null || !secret.startsWith(SESSION_PREFIX)) {
      return Optional.empty();
    }
    String key = Secrets.hash(secret);
    ConsoleSession session = sessions.get(key);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      sessions.remove(key, session);
      return Optional.empty();
    }
    session.seen(now);
    return Optional.of(session);
  }

  public void close(ConsoleSession session) {
    sessions.remove(session.key(), session);
  }

  /** Whether the CSRF token sent with a change is the session's, compared in constant time. */
  public static boolean csrfMatches(ConsoleSession session, String sent) {
    return sent != null && Secrets.sameHash(Secrets.hash(sent), Secrets.hash(session.csrfToken()));
  }

  private boolean expired(ConsoleSession session, Instant now) {
    return !session.lastSeen().plus(idleTimeout).isAfter(now);
  }

  private void evict(Instant now) {
    sessions.values().removeIf(s -> expired(s, now));
    while (sessions.size() >= MAX_SESSIONS) {
      sessions.values().stream()
          .min(Comparator.comparing(ConsoleSession::lastSeen))
          .ifPresent(this::close);
    }
  }
}
