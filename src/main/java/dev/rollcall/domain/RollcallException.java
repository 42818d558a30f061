package dev.rollcall.domain;

import jakarta.ejb.ApplicationException;

/**
 * Base of every failure the domain reports on purpose. Unchecked, and rolls the surrounding
 * transaction back, so a failed statement or SCIM request changes nothing. Subclasses say what kind
 * of failure it is; the protocol layers decide how each kind looks on the wire.
 */
@ApplicationException(rollback = true)
public abstract class RollcallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected RollcallException(String message) {
    super(message);
  }

  protected RollcallException(String message, Throwable cause) {
    super(message, cause);
  }
}
