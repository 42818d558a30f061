package dev.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
  /** A clock the test moves by hand. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
  }

  final Hands clock = new Hands();
  final ConsoleSessions sessions = new ConsoleSessions(clock, "PT30M");

  @Test
  void aSessionIsFoundByItsSecretOnlyAndKeptByItsHash() {
    var opened = sessions.open("org", "member", "hash", ConsoleSession.Kind.MEMBER);
    assertTrue(opened.secret().startsWith("rc_console_"));
    assertNotEquals(opened.secret(), opened.session().key());
    assertEquals("member", sessions.find(opened.secret()).orElseThrow().memberId());
    assertTrue(sessions.find(opened.session().key()).isEmpty(), "the hash is no cookie");
    assertTrue(sessions.find("rc_console_guess").isEmpty());
    assertTrue(sessions.find(null).isEmpty());
    assertFalse(opened.toString().contains(opened.secret()));
  }

  @Test
  void anIdleSessionEndsAndEveryRequestKeepsOneAlive() {
    var opened = sessions.open("org", "member", "hash", ConsoleSession.Kind.MEMBER);
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertTrue(sessions.find(opened.secret()).isPresent());
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertTrue(sessions.find(opened.secret()).isPresent(), "the last request counts");
    clock.now = clock.now.plus(Duration.ofMinutes(30));
    assertTrue(sessions.find(opened.secret()).isEmpty());
    clock.now = clock.now.minus(Duration.ofMinutes(30));
    assertTrue(sessions.find(opened.secret()).isEmpty(), "an ended session stays ended");
  }

  @Test
  void signingOutEndsTheSession() {
    var opened = sessions.open("org", "member", null, ConsoleSession.Kind.SETUP);
    sessions.close(opened.session());
    assertTrue(sessions.find(opened.secret()).isEmpty());
  }

  @Test
  void theCsrfTokenIsPerSession() {
    var one = sessions.open("org", "member", "hash", ConsoleSession.Kind.MEMBER);
    var two = sessions.open("org", "member", "hash", ConsoleSession.Kind.MEMBER);
    assertTrue(ConsoleSessions.csrfMatches(one.session(), one.session().csrfToken()));
    assertFalse(ConsoleSessions.csrfMatches(one.session(), two.session().csrfToken()));
    assertFalse(ConsoleSessions.csrfMatches(one.session(), null));
    assertFalse(ConsoleSessions.csrfMatches(one.session(), ""));
  }
}
