package dev.rollcall.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The application's clock (UTC), ticking in milliseconds: what is stored (epoch milliseconds) is
 * exactly what a write answers with. Tests replace it with an adjustable alternative.
 */
@ApplicationScoped
public class TimeSource {
  @Produces
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
