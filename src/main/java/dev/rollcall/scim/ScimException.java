package dev.rollcall.scim;

/** A protocol-level SCIM failure with its HTTP status and RFC 7644 {@code scimType}. */
// Raised inside transactional services too: an application exception, so the container rolls
// back and passes it through instead of logging it as a server failure.
@jakarta.ejb.ApplicationException(rollback = true)
public class ScimException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String scimType;

  public ScimException(int status, String scimType, String detail) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }

  public static ScimException badRequest(String scimType, String detail) {
    return new ScimException(400, scimType, detail);
  }

  public int status() {
    return status;
  }

  public String scimType() {
    return scimType;
  }
}
