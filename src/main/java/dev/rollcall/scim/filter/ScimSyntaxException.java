package dev.rollcall.scim.filter;

/**
 * Malformed filter or path text. The message reads {@code Invalid <what> at position <n>:
 * <detail>}, where the position counts characters from 1.
 */
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
