package dev.rollcall.domain;

/**
 * The store could not do the work this time (a deadlock, a lock wait that timed out, a lost
 * connection, a query timeout, two requests changing the same rows at once); nothing was changed
 * and the same request may succeed when sent again.
 */
public class TransientFailureException extends RollcallException {
  private static final long serialVersionUID = 1L;

  public TransientFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
