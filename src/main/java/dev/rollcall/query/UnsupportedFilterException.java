package dev.rollcall.query;

/**
 * A well-formed filter this service cannot evaluate: an unknown attribute, or a comparison the
 * attribute's type does not allow. SCIM answers it with {@code invalidFilter}.
 */
// Raised inside transactional services too: an application exception, so the container rolls
// back and passes it through instead of logging it as a server failure.
@jakarta.ejb.ApplicationException(rollback = true)
public class UnsupportedFilterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFilterException(String detail) {
    super(detail);
  }
}
