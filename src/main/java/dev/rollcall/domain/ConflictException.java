package dev.rollcall.domain;

/** The change would duplicate or contradict something that exists. */
public class ConflictException extends RollcallException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
