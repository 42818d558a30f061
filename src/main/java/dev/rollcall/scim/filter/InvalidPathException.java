package dev.rollcall.scim.filter;

/**
 * A PATCH path or attribute path that does not follow RFC 7644 §3.5.2 / §3.10; SCIM answers it with
 * {@code scimType} {@code invalidPath}.
 */
public final class InvalidPathException extends ScimSyntaxException {

  private static final long serialVersionUID = 1L;

  public InvalidPathException(int position, String detail) {
    super("path", position, detail);
  }
}
