package dev.rollcall.web.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  static final long SECOND = 1_000_000_000L;
  final AtomicLong now = new AtomicLong();
  final RateLimiter failures = new RateLimiter(1, 3, 100, Duration.ofSeconds(3), now::get);
  final Admission admission =
      new Admission(new RateLimiter(2, 4, 100, Duration.ofMinutes(10), now::get), failures);

  @Test
  void aKnownTokenIsHeldToItsRateWithRetryAfter() {
    admission.admit("t", "1.2.3.4").accepted(); // first use: unknown, then known
    for (int i = 0; i < 3; i++) {
      Admission.Ticket ticket = admission.admit("t", "1.2.3.4");
      assertTrue(ticket.known());
      ticket.accepted();
    }
    RateLimitedException limited =
        assertThrows(RateLimitedException.class, () -> admission.admit("t", "1.2.3.4"));
    assertEquals(1, limited.retryAfterSeconds());
    // another token is not starved
    admission.admit("other", "1.2.3.4").accepted();
    now.addAndGet(SECOND / 2);
    admission.admit("t", "1.2.3.4").accepted();
  }

  @Test
  void unknownTokensFailingUseUpTheirAddressBudgetOthersAreUntouched() {
    for (int i = 0; i < 3; i++) {
      admission.admit("guess" + i, "6.6.6.6").refused();
    }
    RateLimitedException limited =
        assertThrows(RateLimitedException.class, () -> admission.admit("guess9", "6.6.6.6"));
    assertEquals(1, limited.retryAfterSeconds());
    // even a valid new token waits: nothing tells it apart before the look-up
    assertThrows(RateLimitedException.class, () -> admission.admit("valid", "6.6.6.6"));
    // another address, and known tokens from this one, go on
    admission.admit("guess", "7.7.7.7").refused();
    now.addAndGet(SECOND);
    Admission.Ticket ticket = admission.admit("guess10", "6.6.6.6");
    assertFalse(ticket.known());
    ticket.refused();
    assertThrows(RateLimitedException.class, () -> admission.admit("guess11", "6.6.6.6"));
  }

  @Test
  void validNewTokensCostNoBudget() {
    for (int i = 0; i < 50; i++) {
      admission.admit("token" + i, "10.0.0.1").accepted();
    }
    for (int i = 0; i < 3; i++) {
      admission.admit("guess" + i, "10.0.0.1").refused();
    }
    assertThrows(RateLimitedException.class, () -> admission.admit("guess", "10.0.0.1"));
    // known tokens still pass
    assertTrue(admission.admit("token7", "10.0.0.1").known());
  }

  @Test
  void aRefusedKnownTokenBecomesUnknownAndCostsTheBudget() {
    admission.admit("revoked", "10.0.0.2").accepted();
    Admission.Ticket ticket = admission.admit("revoked", "10.0.0.2");
    assertTrue(ticket.known());
    ticket.refused();
    admission.admit("revoked", "10.0.0.2").refused();
    admission.admit("revoked", "10.0.0.2").refused();
    assertThrows(RateLimitedException.class, () -> admission.admit("revoked", "10.0.0.2"));
  }
}
