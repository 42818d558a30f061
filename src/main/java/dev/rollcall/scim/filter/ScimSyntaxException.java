package dev.rollcall.scim.filter;

/**
 * Malformed filter or path text. The message reads {@code Invalid <what> at position <n>:
 * <detail>}, where the position counts characters from 1.
 */
// Raised inside transactional services too: an application exception, so the container rolls
// back and passes it through instead of logging it as a server failure.
@jakarta.ejb.ApplicationException(rollback = true)
public abstract sealed class ScimSyntaxException extends RuntimeException
    permits InvalidFilterException, InvalidPathException {

  private static final long serialVersionUID = 1L;

  private final int position;
  private final String detail;

  ScimSyntaxException(String what, int position, String detail) {
    super("Invalid " + what + " at position " + position + ": " + detail);
    this.position = position;
    this.detail = detail;
  }

  /** Where the problem is, counting characters of the text from 1. */
  public int position() {
    return position;
  }

  /** What is wrong, without the "Invalid ... at position n: " prefix. */
  public String detail() {
    return detail;
  }
}
