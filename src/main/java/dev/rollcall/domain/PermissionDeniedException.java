package dev.rollcall.domain;

/** The caller is known but lacks the privilege the action needs. */
public class PermissionDeniedException extends RollcallException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String message) {
    super(message);
  }
}
