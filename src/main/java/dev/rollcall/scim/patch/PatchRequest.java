package dev.rollcall.scim.patch;

import dev.rollcall.scim.schema.Schemas;
import dev.rollcall.scim.schema.ScimType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the body of a PATCH request (RFC 7644 §3.5.2) into its operations. */
public final class PatchRequest {

  /** The most operations one PATCH request may carry. */
  public static final int MAX_OPERATIONS = 1000;

  private PatchRequest() {}

  /**
   * Checks that {@code body} is a PatchOp message and reads its operations. Member names ({@code
   * Operations}, {@code op}, {@code path}, {@code value}) are matched ignoring case, and so are the
   * operation names.
   *
   * @throws ScimPatchException with {@code invalidSyntax} if {@code schemas} does not name the
   *     PatchOp message, {@code Operations} is missing, empty or too long, an operation is not an
   *     object, has no or an unknown {@code op}, a {@code path} that is not a string, or lacks the
   *     {@code value} that {@code add} and {@code replace} need
   */
  public static List<PatchOperation> parse(JsonObject body) {
    if (body == null) {
      throw syntax("The PATCH request has no body");
    }
    if (!namesPatchOp(member(body, "schemas"))) {
      throw syntax("The PATCH request's 'schemas' must contain \"" + Schemas.PATCH_OP_URN + "\"");
    }
    JsonValue operations = member(body, "Operations").orElse(null);
    if (operations == null || operations.getValueType() != JsonValue.ValueType.ARRAY) {
      throw syntax("The PATCH request needs an array 'Operations'");
    }
    JsonArray array = operations.asJsonArray();
    if (array.isEmpty()) {
      throw syntax("The PATCH request's 'Operations' is empty");
    }
    if (array.size() > MAX_OPERATIONS) {
      throw syntax(
          "The PATCH request has "
              + array.size()
              + " operations; at most "
              + MAX_OPERATIONS
              + " are allowed");
    }
    List<PatchOperation> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(operation(i, array.get(i)));
    }
    return List.copyOf(result);
  }

  private static PatchOperation operation(int index, JsonValue entry) {
    if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
      throw syntax(index, "an operation must be a JSON object");
    }
    JsonObject object = entry.asJsonObject();
    JsonValue opValue = member(object, "op").orElse(null);
    if (!(opValue instanceof JsonString opText)) {
      throw syntax(index, "the operation has no 'op' (add, replace or remove)");
    }
    PatchOp op =
        PatchOp.fromKeyword(opText.getString().trim())
            .orElseThrow(
                () ->
                    syntax(
                        index,
                        "unknown op \""
                            + opText.getString()
                            + "\"; expected add, replace or remove"));
    String path = null;
    JsonValue pathValue = member(object, "path").orElse(null);
    if (pathValue != null && pathValue != JsonValue.NULL) {
      if (!(pathValue instanceof JsonString pathText)) {
        throw syntax(index, "'path' must be a string");
      }
      path = pathText.getString().trim();
      if (path.isEmpty()) {
        // An empty path is the same as none: add and replace take an object of attributes.
        path = null;
      }
    }
    JsonValue value = member(object, "value").orElse(null);
    PatchOperation operation = new PatchOperation(index, op, path, value);
    if (op != PatchOp.REMOVE && value == null) {
      throw operation.error(ScimType.INVALID_SYNTAX, "'" + op.keyword() + "' needs a 'value'");
    }
    return operation;
  }

  private static boolean namesPatchOp(Optional<JsonValue> schemas) {
    if (schemas.isEmpty() || schemas.get().getValueType() != JsonValue.ValueType.ARRAY) {
      return false;
    }
    for (JsonValue urn : schemas.get().asJsonArray()) {
      if (urn instanceof JsonString text
          && text.getString().equalsIgnoreCase(Schemas.PATCH_OP_URN)) {
        return true;
      }
    }
    return false;
  }

  /** The member called {@code name}, preferring an exact match, else ignoring case. */
  static Optional<JsonValue> member(JsonObject object, String name) {
    JsonValue exact = object.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  private static ScimPatchException syntax(String detail) {
    return new ScimPatchException(ScimType.INVALID_SYNTAX, -1, null, detail);
  }

  private static ScimPatchException syntax(int index, String detail) {
    return new ScimPatchException(ScimType.INVALID_SYNTAX, index, null, detail);
  }
}
