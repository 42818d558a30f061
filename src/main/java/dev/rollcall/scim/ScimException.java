package dev.rollcall.scim;

import dev.rollcall.scim.schema.ScimType;

/** A protocol-level SCIM failure with its HTTP status and RFC 7644 {@code scimType}. */
// Raised inside transactional services too: an application exception, so the container rolls
// back and passes it through instead of logging it as a server failure.
@jakarta.ejb.ApplicationException(rollback = true)
public class ScimException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final ScimType scimType;

  /** {@code scimType} may be null: statuses other than 400 and 409 carry none. */
  public ScimException(int status, ScimType scimType, String detail) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }

  public static ScimException badRequest(ScimType scimType, String detail) {
    return new ScimException(400, scimType, detail);
  }

  public int status() {
    return status;
  }

  /** The wire value ({@code invalidSyntax}...), or null. */
  public String scimType() {
    return scimType == null ? null : scimType.value();
  }
}
