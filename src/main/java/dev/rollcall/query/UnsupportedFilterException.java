package dev.rollcall.query;

/**
 * A well-formed filter this service cannot evaluate: an unknown attribute, or a comparison the
 * attribute's type does not allow. SCIM answers it with {@code invalidFilter}.
 */
// Raised inside transactional services too: WEB-INF/ejb-jar.xml declares it an application
// exception (rolled back, passed through), so the query model names no container.
public class UnsupportedFilterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFilterException(String detail) {
    super(detail);
  }
}
