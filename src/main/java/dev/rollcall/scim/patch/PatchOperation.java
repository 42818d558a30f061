package dev.rollcall.scim.patch;

import dev.rollcall.scim.schema.ScimType;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One entry of a PATCH request's {@code Operations}, checked for shape but not yet against a
 * schema.
 *
 * @param index the entry's 0-based position in {@code Operations}, for error messages
 * @param op the operation
 * @param path the {@code path} text as sent, or null when there is none
 * @param value the {@code value}, or null when there is none (a JSON null is kept as {@link
 *     JsonValue#NULL})
 */
public record PatchOperation(int index, PatchOp op, String path, JsonValue value) {

  public PatchOperation {
    Objects.requireNonNull(op, "op");
  }

  public boolean hasPath() {
    return path != null;
  }

  public boolean hasValue() {
    return value != null;
  }

  /** How the operation reads in an error message: {@code replace name.givenName}. */
  String describe() {
    return path == null ? op.keyword() + " without path" : op.keyword() + " " + path;
  }

  ScimPatchException error(ScimType type, String detail) {
    return new ScimPatchException(type, index, describe(), detail);
  }
}
