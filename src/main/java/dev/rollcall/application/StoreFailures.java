package dev.rollcall.application;

import dev.rollcall.domain.RollcallException;
import dev.rollcall.domain.TransientFailureException;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/**
 * Turns a failed write into what happened, in domain terms: a violation of the one unique key the
 * write can legitimately collide on is that collision; a deadlock, timeout or lost connection is a
 * {@link TransientFailureException}; anything else stays the fault it is.
 */
final class StoreFailures {
  private StoreFailures() {}

  static RuntimeException translate(
      PersistenceException failure,
      String uniqueKey,
      Supplier<? extends RollcallException> collision) {
    DatabaseFailures.Failure kind = DatabaseFailures.classify(failure);
    if (kind.violates(uniqueKey)) {
      return collision.get();
    }
    if (kind.isTransient()) {
      return new TransientFailureException("The database failed for now", failure);
    }
    return failure;
  }
}
