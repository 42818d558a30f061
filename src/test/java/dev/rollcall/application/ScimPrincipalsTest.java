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
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.Test;

class ScimPrincipalsTest {
  private static final Duration LIFETIME = Duration.ofSeconds(10);
  private static final String SECRET = "rc_scim_secret";

  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private long nanos = 1_000;
  private final FakeAuthority authority = new FakeAuthority();
  private final CountingCounter hits = new CountingCounter();
  private final CountingCounter misses = new CountingCounter();

  private ScimPrincipals principals(Duration lifetime) {
    return new ScimPrincipals(authority, clock(), lifetime, () -> nanos, hits, misses);
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
  }
}
