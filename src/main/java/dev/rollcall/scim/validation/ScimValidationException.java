package dev.rollcall.scim.validation;

import dev.rollcall.scim.schema.ScimType;
import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A POST or PUT body that does not fit the resource's schemas. Carries the RFC 7644 §3.12 {@code
 * scimType} the error response should have (every one of them is answered with status 400) and the
 * attribute it concerns, e.g. {@code emails[1].primary}. The message names the attribute too:
 * {@code emails[1].primary must be a boolean (true or false), found 3}.
 *
 * <p>Marked as an application exception so that, thrown inside an EJB service, it reaches the SCIM
 * exception mapper as itself and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public final class ScimValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ScimType type;
  private final String attribute;

  ScimValidationException(ScimType type, String attribute, String detail) {
    super(detail);
    this.type = Objects.requireNonNull(type, "type");
    this.attribute = Objects.requireNonNull(attribute, "attribute");
  }

  public ScimType type() {
    return type;
  }

  /** The {@code scimType} string: {@code invalidValue}, {@code mutability}, … */
  public String scimType() {
    return type.value();
  }

  /**
   * The attribute the failure concerns, spelled as the schema spells it, with the index of a
   * multi-valued attribute's value and, for an extension, the schema URN: {@code
   * emails[1].primary}, {@code
   * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}, {@code schemas}.
   */
  public String attribute() {
    return attribute;
  }
}
