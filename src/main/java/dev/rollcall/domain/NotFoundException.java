package dev.rollcall.domain;

/** A named object does not exist (in the caller's organization). */
public class NotFoundException extends RollcallException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
