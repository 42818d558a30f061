package dev.rollcall.scim.patch;

import dev.rollcall.scim.schema.ScimType;
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
