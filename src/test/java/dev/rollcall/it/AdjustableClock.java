package dev.rollcall.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the application's clock inside test deployments, so tests can move time forward. */
@ApplicationScoped
@Alternative
@Priority(1000)
public class AdjustableClock {
  private volatile Duration offset = Duration.ZERO;

  @Produces
  Clock clock() {
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
        return Instant.now().plus(offset).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      }
    };
  }

  public void advance(Duration duration) {
    offset = offset.plus(duration);
  }

  public void reset() {
    offset = Duration.ZERO;
  }
}
