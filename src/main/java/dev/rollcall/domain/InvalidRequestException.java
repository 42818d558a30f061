package dev.rollcall.domain;

/** The request is well-formed but asks for something invalid. */
public class InvalidRequestException extends RollcallException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
