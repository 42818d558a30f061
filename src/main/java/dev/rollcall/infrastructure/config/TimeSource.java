package dev.rollcall.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The application's clock (UTC). Tests replace it with an adjustable alternative. */
@ApplicationScoped
public class TimeSource {
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
