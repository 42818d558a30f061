package dev.rollcall.scim.resource;

import dev.rollcall.domain.TransientFailureException;
import java.util.function.Supplier;

/**
 * Sends a service call again, once, when it failed transiently (two requests adding the same group
 * member at once, a deadlock): the failed transaction was rolled back, and the second one sees what
 * the other request committed. A second failure answers 503 with {@code Retry-After}.
 */
final class RetryOnce {
  private RetryOnce() {}

  static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (TransientFailureException first) {
      return work.get();
    }
  }
}
