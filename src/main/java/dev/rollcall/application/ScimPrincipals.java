package dev.rollcall.application;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.config.DurationSetting;
import dev.rollcall.domain.integration.ScimAccessVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The SCIM principal behind a bearer token, remembered ({@code rollcall.scim.token-cache}) so that
 * a provisioning burst does not read the integration, its run-as role's privilege and the
 * organization's extension declarations on every request, yet forgotten on every server within a
 * second of a change.
 *
 * <ul>
 *   <li>Only accepted tokens are remembered, by organization and token hash; a refused one is asked
 *       of the database every time.
 *   <li>On this node a change takes effect on the next request: creating, renewing or dropping an
 *       integration and granting or revoking privileges or roles announce {@link
 *       ScimAccessChanged}, and the organization's tokens are forgotten when that transaction ends.
 *   <li>Every node learns of the others' changes by polling ({@link #refresh}): the announcement
 *       also moves the organization's version in {@link ScimAccessVersions}, in the same
 *       transaction, and each poll forgets the tokens of organizations whose version moved since
 *       the last poll. {@link ScimAccessWatch} polls every {@link #POLL_INTERVAL}; a remembered
 *       token is used only while the last poll began less than {@link #POLL_TRUSTED} ago, else the
 *       request polls first. So a change committed anywhere is seen by every request that starts
 *       more than {@code POLL_TRUSTED} after it, and while the database is unreachable nothing
 *       remembered is used.
 *   <li>A request that read the database before a change committed cannot store what it read,
 *       because it stores into the set of tokens that was forgotten.
 *   <li>{@code PT0S} turns the cache off: every request then reads the database.
 *   <li>Expiry is checked on every request; the token's last use is still recorded at most once a
 *       minute.
 *   <li>What the integration's owner holds is not remembered: {@link IntegrationOwner} reads it on
 *       every call that hands something out, so grants, revokes, deactivation or drop of the owner
 *       need no announcement.
 *   <li>Hits and misses are counted ({@value #CACHE_METRIC}, {@code result} = {@code hit} or {@code
 *       miss}; a miss reads the database).
 * </ul>
 */
@ApplicationScoped
public class ScimPrincipals {
  /** After this many loads the cache starts over empty, so that it never grows without bound. */
  static final int CAPACITY = 10_000;

  public static final String CACHE_METRIC = "rollcall.scim.token_cache";

  private static final Metadata CACHE_METADATA =
      Metadata.builder()
          .withName(CACHE_METRIC)
          .withDescription("SCIM token look-ups answered from memory (hit) or the database (miss)")
          .build();

  /** How often {@link ScimAccessWatch} polls the access versions. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  /** How long after a poll began what it saw may be relied on; a request past it polls first. */
  static final Duration POLL_TRUSTED = Duration.ofMillis(750);

  /**
   * How far back a poll reads changes: longer than any transaction takes from its bump to its
   * commit, plus any difference between the servers' clocks (the writer stamps the change).
   */
  static final Duration POLL_WINDOW = Duration.ofMinutes(5);

  /**
   * What the cache stands in front of: the database's answer, the use bookkeeping, and the access
   * versions.
   */
  interface Authority {
    ScimPrincipal authenticate(String secret);

    void recordUse(String integrationId, Instant now, Instant notBefore);

    Map<String, Long> accessVersions(Instant since);
  }

  private record Remembered(
      ScimPrincipal principal, long loadedAt, AtomicReference<Instant> useRecordedAt) {}

  private final Authority authority;
  private final Clock clock;
  private final long lifetimeNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<String, Map<String, Remembered>> byOrganization =
      new ConcurrentHashMap<>();
  private final AtomicInteger loads = new AtomicInteger();
  private final Counter hits;
  private final Counter misses;

  /**
   * One poll at a time. The versions the last poll read, when it began, and the last failed poll
   * with when it ended (all guarded by the lock).
   */
  final ReentrantLock polling = new ReentrantLock();

  private Map<String, Long> seenVersions = Map.of();
  private volatile boolean polled;
  private volatile long lastPollStarted;
  private RuntimeException failedPoll;
  private long failedPollEnded;

  @Inject
  public ScimPrincipals(
      SecurityIntegrationService integrations,
      TokenUse tokenUse,
      ScimAccessVersions versions,
      Clock clock,
      @ConfigProperty(name = "rollcall.scim.token-cache") String lifetime,
      MetricRegistry metrics) {
    this(
        new Authority() {
          @Override
          public ScimPrincipal authenticate(String secret) {
            return integrations.authenticate(secret);
          }

          @Override
          public void recordUse(String integrationId, Instant now, Instant notBefore) {
            tokenUse.record(integrationId, now, notBefore);
          }

          @Override
          public Map<String, Long> accessVersions(Instant since) {
            return versions.changedSince(since);
          }
        },
        clock,
        DurationSetting.parse("rollcall.scim.token-cache", lifetime),
        System::nanoTime,
        metrics.counter(CACHE_METADATA, new Tag("result", "hit")),
        metrics.counter(CACHE_METADATA, new Tag("result", "miss")));
  }

  ScimPrincipals(
      Authority authority,
      Clock clock,
      Duration lifetime,
      LongSupplier nanoTime,
      Counter hits,
      Counter misses) {
    this.authority = authority;
    this.clock = clock;
    this.lifetimeNanos = lifetime.toNanos();
    this.nanoTime = nanoTime;
    this.hits = hits;
    this.misses = misses;
  }

  protected ScimPrincipals() {
    this(null, null, Duration.ZERO, System::nanoTime, null, null);
  }

  /**
   * The principal of the token in the organization the request entered; refusals are the
   * authority's ({@link SecurityIntegrationService#authenticate}).
   */
  public ScimPrincipal authenticate(String organizationId, String secret) {
    if (lifetimeNanos == 0) {
      misses.inc();
      return authority.authenticate(secret);
    }
    String key = Secrets.hash(secret);
    Instant now = clock.instant();
    Remembered remembered = remembered(organizationId, key, now);
    if (remembered != null && !pollTrusted()) {
      refresh(false);
      remembered = remembered(organizationId, key, now);
    }
    if (remembered != null) {
      hits.inc();
      recordUse(remembered, now);
      return remembered.principal();
    }
    misses.inc();
    if (loads.incrementAndGet() > CAPACITY) {
      loads.set(0);
      byOrganization.clear();
    }
    // taken before the database is read: a change announced meanwhile replaces this map, and what
    // is stored into it below is then never seen
    Map<String, Remembered> tokens =
        byOrganization.computeIfAbsent(organizationId, o -> new ConcurrentHashMap<>());
    long loadedAt = nanoTime.getAsLong();
    ScimPrincipal principal;
    try {
      principal = authority.authenticate(secret);
    } catch (RuntimeException refused) {
      tokens.remove(key);
      if (tokens.isEmpty()) {
        // an unknown organization or a guessed token leaves nothing behind
        byOrganization.remove(organizationId, tokens);
      }
      throw refused;
    }
    tokens.put(
        key, new Remembered(principal, loadedAt, new AtomicReference<>(principal.tokenUsedAt())));
    return principal;
  }

  /**
   * Reads the access versions changed lately and forgets the tokens of every organization whose
   * version moved since the last poll (or that the last poll did not see), or every token after the
   * first poll and after none succeeded for half the window. Unless {@code always}, polls only when
   * the last poll is no longer trusted, so that requests arriving together wait for one poll. A
   * failure propagates: the caller answers as for any database failure.
   */
  public void refresh(boolean always) {
    long asked = nanoTime.getAsLong();
    polling.lock();
    try {
      if (!always && pollTrusted()) {
        return;
      }
      if (!always && failedPoll != null && failedPollEnded - asked > 0) {
        // the poll this request waited for failed: its answer is this one's, and a database that
        // does not answer is not asked once more per waiting request
        throw failedPoll;
      }
      long started = nanoTime.getAsLong();
      Map<String, Long> versions;
      try {
        versions = authority.accessVersions(clock.instant().minus(POLL_WINDOW));
      } catch (RuntimeException e) {
        failedPoll = e;
        failedPollEnded = nanoTime.getAsLong();
        throw e;
      }
      failedPoll = null;
      if (!polled || started - lastPollStarted > POLL_WINDOW.toNanos() / 2) {
        // the first poll, or the first after a long outage: a change may have left the window
        // unseen
        byOrganization.clear();
      }
      versions.forEach(
          (organizationId, version) -> {
            if (!version.equals(seenVersions.get(organizationId))) {
              byOrganization.remove(organizationId);
            }
          });
      seenVersions = Map.copyOf(versions);
      lastPollStarted = started;
      polled = true;
    } finally {
      polling.unlock();
    }
  }

  /** Forgets the organization's tokens once the transaction that changed them has ended. */
  void accessChanged(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) ScimAccessChanged change) {
    byOrganization.remove(change.organizationId());
  }

  /** The remembered, fresh and unexpired principal, or null. */
  private Remembered remembered(String organizationId, String key, Instant now) {
    Map<String, Remembered> tokens = byOrganization.get(organizationId);
    Remembered remembered = tokens == null ? null : tokens.get(key);
    return remembered != null
            && fresh(remembered)
            && now.isBefore(remembered.principal().tokenExpiresAt())
        ? remembered
        : null;
  }

  private boolean pollTrusted() {
    long age = nanoTime.getAsLong() - lastPollStarted;
    return polled && age >= 0 && age < POLL_TRUSTED.toNanos();
  }

  private boolean fresh(Remembered remembered) {
    long age = nanoTime.getAsLong() - remembered.loadedAt();
    return age >= 0 && age < lifetimeNanos;
  }

  private void recordUse(Remembered remembered, Instant now) {
    Instant recorded = remembered.useRecordedAt().get();
    if (recorded.plus(SecurityIntegrationService.LAST_USED_RESOLUTION).isBefore(now)
        && remembered.useRecordedAt().compareAndSet(recorded, now)) {
      authority.recordUse(
          remembered.principal().integrationId(),
          now,
          now.minus(SecurityIntegrationService.LAST_USED_RESOLUTION));
    }
  }
}
