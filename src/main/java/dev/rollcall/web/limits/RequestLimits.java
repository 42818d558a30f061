package dev.rollcall.web.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request limits of every API, from {@code rollcall.limits.*} (defaults in
 * microprofile-config.properties; README "Limits"): body sizes, each token's rate, and each client
 * address's budget of failed authentications, which the SCIM and statement APIs share.
 */
@ApplicationScoped
public class RequestLimits {
  /** Most buckets kept per limiter; see {@link RateLimiter}. */
  static final int CAPACITY = 10_000;

  /** How long a token that stopped calling stays known. */
  static final Duration TOKEN_IDLE = Duration.ofMinutes(10);

  private final long bodySize;
  private final int bulkBodySize;
  private final Admission scim;
  private final Admission api;

  @Inject
  public RequestLimits(
      @ConfigProperty(name = "rollcall.limits.body-size") long bodySize,
      @ConfigProperty(name = "rollcall.limits.bulk-body-size") int bulkBodySize,
      @ConfigProperty(name = "rollcall.limits.scim-rate") double scimRate,
      @ConfigProperty(name = "rollcall.limits.scim-burst") int scimBurst,
      @ConfigProperty(name = "rollcall.limits.api-rate") double apiRate,
      @ConfigProperty(name = "rollcall.limits.api-burst") int apiBurst,
      @ConfigProperty(name = "rollcall.limits.failed-auth-rate") double failedRate,
      @ConfigProperty(name = "rollcall.limits.failed-auth-burst") int failedBurst) {
    this.bodySize = (long) positive("rollcall.limits.body-size", bodySize);
    this.bulkBodySize = (int) positive("rollcall.limits.bulk-body-size", bulkBodySize);
    RateLimiter failures =
        new RateLimiter(
            positive("rollcall.limits.failed-auth-rate", failedRate),
            (int) positive("rollcall.limits.failed-auth-burst", failedBurst),
            CAPACITY,
            Duration.ofNanos((long) (failedBurst / failedRate * 1e9)),
            System::nanoTime);
    this.scim =
        new Admission(
            new RateLimiter(
                positive("rollcall.limits.scim-rate", scimRate),
                (int) positive("rollcall.limits.scim-burst", scimBurst),
                CAPACITY,
                TOKEN_IDLE,
                System::nanoTime),
            failures);
    this.api =
        new Admission(
            new RateLimiter(
                positive("rollcall.limits.api-rate", apiRate),
                (int) positive("rollcall.limits.api-burst", apiBurst),
                CAPACITY,
                TOKEN_IDLE,
                System::nanoTime),
            failures);
  }

  protected RequestLimits() {
    this.bodySize = 0;
    this.bulkBodySize = 0;
    this.scim = null;
    this.api = null;
  }

  /** The largest body of any request but {@code /Bulk}, in bytes. */
  public long bodySize() {
    return bodySize;
  }

  /** The largest {@code /Bulk} body, in bytes: enforced and advertised as maxPayloadSize. */
  public int bulkBodySize() {
    return bulkBodySize;
  }

  /** SCIM tokens' admission. */
  public Admission scim() {
    return scim;
  }

  /** API and operator tokens' admission. */
  public Admission api() {
    return api;
  }

  private static double positive(String key, double value) {
    if (!(value > 0)) {
      throw new IllegalStateException(key + " must be positive, was " + value);
    }
    return value;
  }
}
