package dev.rollcall.scim.patch;

import jakarta.ejb.ApplicationException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A PATCH request that cannot be applied. Carries the RFC 7644 §3.12 {@code scimType} the error
 * response should have; every one of them is answered with status 400. The message starts with the
 * operation it concerns, e.g. {@code Operations[1] (replace emails[type eq "work"]): no value of
 * 'emails' matches [type eq "work"]}.
 *
 * <p>Marked as an application exception so that, thrown inside an EJB service, it reaches the SCIM
 * exception mapper as itself and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public final class ScimPatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The {@code scimType} values a PATCH can fail with. */
  public enum ScimType {
    /** The request body is not a PatchOp message, or an operation is malformed. */
    INVALID_SYNTAX("invalidSyntax"),
    /** A path does not parse, or names an attribute the resource does not have. */
    INVALID_PATH("invalidPath"),
    /** The value filter in a path's brackets does not parse or cannot be evaluated. */
    INVALID_FILTER("invalidFilter"),
    /** The path's filter matched nothing where something must be changed, or remove had no path. */
    NO_TARGET("noTarget"),
    /** A value has the wrong type or shape for its attribute. */
    INVALID_VALUE("invalidValue"),
    /** The operation would change an immutable or read-only attribute, or remove a required one. */
    MUTABILITY("mutability");

    private final String value;

    ScimType(String value) {
      this.value = value;
    }

    /** The {@code scimType} as the error response spells it, e.g. {@code invalidPath}. */
    public String value() {
      return value;
    }
  }

  private final ScimType type;
  private final int operationIndex;
  private final String detail;

  /**
   * @param operationIndex the 0-based index of the failing operation in {@code Operations}, or -1
   *     when the problem is with the request as a whole
   * @param operation how the operation reads ({@code replace name.givenName}), or null
   */
  ScimPatchException(ScimType type, int operationIndex, String operation, String detail) {
    super(message(operationIndex, operation, detail));
    this.type = Objects.requireNonNull(type, "type");
    this.operationIndex = operationIndex;
    this.detail = detail;
  }

  private static String message(int index, String operation, String detail) {
    if (index < 0) {
      return detail;
    }
    String where = "Operations[" + index + "]";
    return operation == null ? where + ": " + detail : where + " (" + operation + "): " + detail;
  }

  public ScimType type() {
    return type;
  }

  /** The {@code scimType} string: {@code invalidSyntax}, {@code invalidPath}, … */
  public String scimType() {
    return type.value();
  }

  /** The 0-based index of the operation that failed, if the failure concerns one. */
  public OptionalInt operationIndex() {
    return operationIndex < 0 ? OptionalInt.empty() : OptionalInt.of(operationIndex);
  }

  /** What is wrong, without the operation prefix. */
  public String detail() {
    return detail;
  }
}
