package dev.rollcall.web.limits;

import dev.rollcall.web.Causes;

/** Helpers for the exception mappers that answer exceeded limits. */
public final class Limits {
  private Limits() {}

  /**
   * Whether a limit was exceeded somewhere in the chain: the JAX-RS runtime may wrap what the body
   * stream raised while an entity reader read it.
   */
  public static boolean exceeded(Throwable exception) {
    Throwable found =
        Causes.find(
            exception,
            t -> t instanceof BodyTooLargeException || t instanceof RateLimitedException);
    return found instanceof BodyTooLargeException || found instanceof RateLimitedException;
  }
}
