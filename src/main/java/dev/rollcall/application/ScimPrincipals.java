package dev.rollcall.application;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.config.DurationSetting;
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
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The SCIM principal behind a bearer token, remembered for a few seconds ({@code
 * rollcall.scim.token-cache}) so that a provisioning burst does not read the integration, its
 * run-as role's privilege and the organization's extension declarations on every request.
 *
 * <ul>
 *   <li>Only accepted tokens are remembered, by organization and token hash; a refused one is asked
 *       of the database every time.
 *   <li>On this node a change takes effect on the next request: creating, renewing or dropping an
 *       integration and granting or revoking privileges or roles announce {@link
 *       ScimAccessChanged}, and the organization's tokens are forgotten when that transaction ends.
 *       A request that read the database before the change committed cannot store what it read,
 *       because it stores into the set of tokens that was forgotten.
 *   <li>On other nodes the change takes effect within the cache's lifetime. {@code PT0S} turns the
 *       cache off: every request then reads the database.
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

  /** What the cache stands in front of: the database's answer, and the use bookkeeping. */
  interface Authority {
    ScimPrincipal authenticate(String secret);

    void recordUse(String integrationId, Instant now, Instant notBefore);
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

  @Inject
  public ScimPrincipals(
      SecurityIntegrationService integrations,
      TokenUse tokenUse,
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
    Map<String, Remembered> tokens = byOrganization.get(organizationId);
    Remembered remembered = tokens == null ? null : tokens.get(key);
    if (remembered != null
        && fresh(remembered)
        && now.isBefore(remembered.principal().tokenExpiresAt())) {
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
    tokens = byOrganization.computeIfAbsent(organizationId, o -> new ConcurrentHashMap<>());
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

  /** Forgets the organization's tokens once the transaction that changed them has ended. */
  void accessChanged(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) ScimAccessChanged change) {
    byOrganization.remove(change.organizationId());
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
