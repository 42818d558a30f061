package dev.rollcall.web;

import jakarta.ejb.EJBException;
import java.util.function.Predicate;

/**
 * Finds, in a chain of causes, the failure an exception mapper knows how to answer: the EJB and
 * transaction layers wrap application failures, and the mapper must answer the original one.
 */
public final class Causes {
  private static final int MAX_DEPTH = 10;

  private Causes() {}

  /** The first exception in the chain that is {@code known}, or {@code exception} itself. */
  public static Throwable find(Throwable exception, Predicate<Throwable> known) {
    Throwable current = exception;
    for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
      if (known.test(current)) {
        return current;
      }
      Throwable next =
          current instanceof EJBException ejb && ejb.getCausedByException() != null
              ? ejb.getCausedByException()
              : current.getCause();
      if (next == null || next == current) {
        break;
      }
      current = next;
    }
    return exception;
  }
}
