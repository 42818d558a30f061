package dev.rollcall.web.limits;

/** A client over its rate; it may retry after {@link #retryAfterSeconds()}. */
public final class RateLimitedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public RateLimitedException(long retryAfterSeconds, String message) {
    super(message + "; retry in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
