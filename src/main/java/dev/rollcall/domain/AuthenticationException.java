package dev.rollcall.domain;

/** The caller could not be identified: no, unknown, expired or revoked credentials. */
public class AuthenticationException extends RollcallException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }
}
