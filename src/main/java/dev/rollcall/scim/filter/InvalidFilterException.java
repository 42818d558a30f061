package dev.rollcall.scim.filter;

/**
 * A filter that does not follow RFC 7644 §3.4.2.2; SCIM answers it with {@code scimType} {@code
 * invalidFilter}. Also thrown for a malformed value filter inside a PATCH path's brackets, which
 * RFC 7644 Table 9 assigns to {@code invalidFilter} too.
 */
public final class InvalidFilterException extends ScimSyntaxException {

  private static final long serialVersionUID = 1L;

  public InvalidFilterException(int position, String detail) {
    super("filter", position, detail);
  }
}
