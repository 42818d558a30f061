package dev.rollcall.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.integration.ScimClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.Test;

class ScimPrincipalsTest {
  private static final Duration LIFETIME = Duration.ofSeconds(10);
  private static final String SECRET = "rc_scim_secret";

  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private volatile long nanos = 1_000;
  private final FakeAuthority authority = new FakeAuthority();
  private final CountingCounter hits = new CountingCounter();
  private final CountingCounter misses = new CountingCounter();

  /** A cache as the server runs it: polled once at start (ScimAccessWatch). */
  private ScimPrincipals principals(Duration lifetime) {
    ScimPrincipals principals =
        new ScimPrincipals(authority, clock(), lifetime, () -> nanos, hits, misses);
    principals.refresh(true);
    authority.polls = 0;
    return principals;
  }

  @Test
  void hitsAndMissesAreCounted() {
    ScimPrincipals principals = principals(LIFETIME);

    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-a", SECRET);
    authority.refusing = true;
    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-b", SECRET));

    assertEquals(2, hits.getCount());
    assertEquals(2, misses.getCount(), "the first look-up and the refused one read the database");
  }

  @Test
  void withoutTheCacheEveryLookUpIsAMiss() {
    ScimPrincipals principals = principals(Duration.ZERO);

    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-a", SECRET);

    assertEquals(0, hits.getCount());
    assertEquals(2, misses.getCount());
  }

  @Test
  void aTokenAcceptedOnceIsNotReadAgainWithinTheLifetime() {
    ScimPrincipals principals = principals(LIFETIME);

    ScimPrincipal first = principals.authenticate("org-a", SECRET);
    nanos += LIFETIME.toNanos() - 1;
    ScimPrincipal second = principals.authenticate("org-a", SECRET);

    assertSame(first, second);
    assertEquals(1, authority.loads);
  }

  @Test
  void aTokenIsReadAgainOnceTheLifetimeHasPassed() {
    ScimPrincipals principals = principals(LIFETIME);

    principals.authenticate("org-a", SECRET);
    nanos += LIFETIME.toNanos();
    principals.authenticate("org-a", SECRET);

    assertEquals(2, authority.loads);
  }

  @Test
  void aZeroLifetimeReadsTheDatabaseEveryTime() {
    ScimPrincipals principals = principals(Duration.ZERO);

    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-a", SECRET);

    assertEquals(2, authority.loads);
  }

  @Test
  void refusedTokensAreNeverRemembered() {
    ScimPrincipals principals = principals(LIFETIME);
    authority.refusing = true;

    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-a", SECRET));
    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-a", SECRET));
    assertEquals(2, authority.loads);

    authority.refusing = false;
    principals.authenticate("org-a", SECRET);
    assertEquals(3, authority.loads);
  }

  @Test
  void aTokenIsRememberedOnlyForTheOrganizationThatAcceptedIt() {
    ScimPrincipals principals = principals(LIFETIME);

    principals.authenticate("org-a", SECRET);
    authority.refusing = true;

    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-b", SECRET));
    assertEquals(2, authority.loads);
  }

  @Test
  void aChangeForgetsOnlyThatOrganizationsTokens() {
    ScimPrincipals principals = principals(LIFETIME);
    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-b", SECRET);

    principals.accessChanged(new ScimAccessChanged("org-a"));
    authority.refusing = true;

    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-a", SECRET));
    principals.authenticate("org-b", SECRET);
    assertEquals(3, authority.loads);
  }

  @Test
  void whatWasReadWhileAChangeCommittedIsNotRemembered() {
    ScimPrincipals principals = principals(LIFETIME);
    // the change ends its transaction after this request read the database, before it stored
    authority.duringLoad = () -> principals.accessChanged(new ScimAccessChanged("org-a"));

    principals.authenticate("org-a", SECRET);
    authority.duringLoad = () -> {};
    principals.authenticate("org-a", SECRET);

    assertEquals(2, authority.loads);
  }

  @Test
  void aVersionThatMovedOnAnotherServerForgetsThatOrganizationsTokensAtTheNextPoll() {
    ScimPrincipals principals = principals(LIFETIME);
    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-b", SECRET);

    authority.versions.put("org-a", 7L);
    principals.refresh(true);
    authority.refusing = true;

    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-a", SECRET));
    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-a", SECRET));
    principals.authenticate("org-b", SECRET);
    assertEquals(4, authority.loads, "org-a read twice more (refusals are never remembered)");
    assertEquals(
        List.of(now.minus(ScimPrincipals.POLL_WINDOW)), authority.pollWindows.subList(0, 1));
  }

  @Test
  void aVersionAlreadySeenForgetsNothing() {
    ScimPrincipals principals = principals(LIFETIME);
    authority.versions.put("org-a", 7L);
    principals.refresh(true);
    principals.authenticate("org-a", SECRET);

    principals.refresh(true);
    principals.authenticate("org-a", SECRET);

    assertEquals(1, authority.loads);
  }

  @Test
  void anOrganizationThatLeftThePollsWindowAndCameBackIsForgotten() {
    ScimPrincipals principals = principals(LIFETIME);
    authority.versions.put("org-a", 7L);
    principals.refresh(true);
    authority.versions.clear();
    principals.refresh(true);
    principals.authenticate("org-a", SECRET);

    authority.versions.put("org-a", 7L);
    principals.refresh(true);
    principals.authenticate("org-a", SECRET);

    assertEquals(2, authority.loads);
  }

  @Test
  void aRequestPollsItselfOnceTheLastPollIsNoLongerTrusted() {
    ScimPrincipals principals = principals(LIFETIME);
    principals.authenticate("org-a", SECRET);
    authority.versions.put("org-a", 1L);
    authority.refusing = true;

    nanos += ScimPrincipals.POLL_TRUSTED.toNanos() - 1;
    principals.authenticate("org-a", SECRET);
    assertEquals(0, authority.polls, "within the trusted time the last poll stands");

    nanos += 1;
    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-a", SECRET));
    assertEquals(1, authority.polls);
    assertEquals(2, authority.loads);
  }

  @Test
  void requestsArrivingTogetherShareOnePoll() {
    ScimPrincipals principals = principals(LIFETIME);
    principals.authenticate("org-a", SECRET);
    nanos += ScimPrincipals.POLL_TRUSTED.toNanos();

    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-a", SECRET);

    assertEquals(1, authority.polls);
    assertEquals(1, authority.loads);
  }

  @Test
  void theFirstPollAndOneAfterALongOutageForgetEverything() {
    ScimPrincipals principals =
        new ScimPrincipals(authority, clock(), Duration.ofHours(1), () -> nanos, hits, misses);
    principals.authenticate("org-a", SECRET);
    principals.refresh(true);
    principals.authenticate("org-a", SECRET);
    assertEquals(2, authority.loads, "what was remembered before the first poll is forgotten");

    nanos += ScimPrincipals.POLL_WINDOW.toNanos() / 2 + 1;
    principals.refresh(true);
    principals.authenticate("org-a", SECRET);
    assertEquals(3, authority.loads, "a change may have left the window while polls failed");
  }

  @Test
  void whileThePollFailsNothingRememberedIsUsed() {
    ScimPrincipals principals = principals(LIFETIME);
    principals.authenticate("org-a", SECRET);

    nanos += ScimPrincipals.POLL_TRUSTED.toNanos();
    authority.pollFailure = new IllegalStateException("database unreachable");

    assertThrows(IllegalStateException.class, () -> principals.authenticate("org-a", SECRET));
    assertThrows(IllegalStateException.class, () -> principals.refresh(true));

    authority.pollFailure = null;
    principals.authenticate("org-a", SECRET);
    assertEquals(1, authority.loads, "once a poll succeeds, what it did not forget is used again");
  }

  @Test
  void requestsWaitingForAPollThatFailsShareItsFailure() throws Exception {
    ScimPrincipals principals = principals(LIFETIME);
    principals.authenticate("org-a", SECRET);
    nanos += ScimPrincipals.POLL_TRUSTED.toNanos();
    CountDownLatch polling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException unreachable = new IllegalStateException("database unreachable");
    authority.duringPoll =
        () -> {
          polling.countDown();
          await(release);
          nanos += 1; // the poll ends after the waiting request asked
          throw unreachable;
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> principals.authenticate("org-a", SECRET));
      polling.await();
      Future<?> waiting = pool.submit(() -> principals.authenticate("org-a", SECRET));
      while (!principals.polling.hasQueuedThreads()) {
        Thread.onSpinWait();
      }
      release.countDown();

      assertSame(unreachable, assertThrows(ExecutionException.class, first::get).getCause());
      assertSame(unreachable, assertThrows(ExecutionException.class, waiting::get).getCause());
      assertEquals(1, authority.polls, "the waiting request did not ask the database again");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void whatWasReadWhileAPollSawAChangeIsNotRemembered() {
    ScimPrincipals principals = principals(LIFETIME);
    authority.duringLoad =
        () -> {
          authority.versions.put("org-a", 1L);
          principals.refresh(true);
        };

    principals.authenticate("org-a", SECRET);
    authority.duringLoad = () -> {};
    principals.authenticate("org-a", SECRET);

    assertEquals(2, authority.loads);
  }

  @Test
  void anExpiredTokenIsRefusedEvenWhileRemembered() {
    ScimPrincipals principals = principals(LIFETIME);
    authority.expiresAt = now.plusSeconds(1);
    principals.authenticate("org-a", SECRET);

    now = now.plusSeconds(1);
    authority.refusing = true;

    assertThrows(AuthenticationException.class, () -> principals.authenticate("org-a", SECRET));
    assertEquals(2, authority.loads);
  }

  @Test
  void useIsRecordedAtMostOnceAMinuteWhileRemembered() {
    ScimPrincipals principals = principals(Duration.ofHours(1));
    principals.authenticate("org-a", SECRET);

    now = now.plusSeconds(60);
    principals.authenticate("org-a", SECRET);
    assertEquals(List.of(), authority.uses, "a minute after the recorded use is not yet due");

    now = now.plusMillis(1);
    principals.authenticate("org-a", SECRET);
    principals.authenticate("org-a", SECRET);
    assertEquals(List.of(now), authority.uses);

    now = now.plusSeconds(61);
    principals.authenticate("org-a", SECRET);
    assertEquals(2, authority.uses.size());
    assertEquals(1, authority.loads);
  }

  @Test
  void theCacheStartsOverRatherThanGrowWithoutBound() {
    ScimPrincipals principals = principals(LIFETIME);
    principals.authenticate("org-0", SECRET);
    for (int i = 1; i <= ScimPrincipals.CAPACITY; i++) {
      principals.authenticate("org-" + i, SECRET);
    }
    int loads = authority.loads;

    principals.authenticate("org-" + ScimPrincipals.CAPACITY, SECRET);
    principals.authenticate("org-0", SECRET);

    assertEquals(loads + 1, authority.loads, "only the organization loaded after the reset stays");
  }

  private Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
  }

  private static final class CountingCounter implements Counter {
    private long count;

    @Override
    public void inc() {
      count++;
    }

    @Override
    public void inc(long n) {
      count += n;
    }

    @Override
    public long getCount() {
      return count;
    }
  }

  private final class FakeAuthority implements ScimPrincipals.Authority {
    int loads;
    boolean refusing;
    Instant expiresAt = Instant.parse("2027-12-02T10:00:00Z");
    Runnable duringLoad = () -> {};
    final List<Instant> uses = new ArrayList<>();
    final Map<String, Long> versions = new HashMap<>();
    final List<Instant> pollWindows = new ArrayList<>();
    int polls;
    RuntimeException pollFailure;
    Runnable duringPoll = () -> {};

    @Override
    public ScimPrincipal authenticate(String secret) {
      loads++;
      duringLoad.run();
      if (refusing || !now.isBefore(expiresAt)) {
        throw new AuthenticationException("The SCIM token is invalid, expired or revoked");
      }
      return new ScimPrincipal(
          "org",
          "integration",
          "okta",
          ScimClient.OKTA,
          "role",
          "owner",
          List.of(),
          expiresAt,
          now);
    }

    @Override
    public void recordUse(String integrationId, Instant at, Instant notBefore) {
      uses.add(at);
    }

    @Override
    public Map<String, Long> accessVersions(Instant since) {
      polls++;
      duringPoll.run();
      pollWindows.add(since);
      if (pollFailure != null) {
        throw pollFailure;
      }
      return Map.copyOf(versions);
    }
  }
}
