package dev.rollcall.web.limits;

/** A request body longer than its limit; raised before more than the limit was read. */
public final class BodyTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  public BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
