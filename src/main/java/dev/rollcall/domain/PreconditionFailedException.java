package dev.rollcall.domain;

/**
 * The caller's expected version of an object is not the current one (a lost update was avoided).
 */
public class PreconditionFailedException extends RollcallException {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message) {
    super(message);
  }
}
