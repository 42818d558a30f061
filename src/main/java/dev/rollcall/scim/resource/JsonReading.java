package dev.rollcall.scim.resource;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.schema.ScimType;
import dev.rollcall.web.JsonNesting;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SCIM request bodies as JSON objects, and members of the small request messages ({@code
 * .search}) ignoring case (RFC 7643 §2.1). Resource bodies are checked against their schemas by
 * {@link dev.rollcall.scim.validation.ResourceValidator}.
 */
final class JsonReading {
  private JsonReading() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw ScimException.badRequest(
          ScimType.INVALID_SYNTAX, "The request body must be a JSON object");
    }
    if (JsonNesting.tooDeep(body)) {
      throw ScimException.badRequest(
          ScimType.INVALID_SYNTAX,
          "The request body nests deeper than " + JsonNesting.MAX_DEPTH + " levels");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ScimException.badRequest(
            ScimType.INVALID_SYNTAX, "The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "The request body is not valid JSON");
    }
  }

  /** The member of that name, matched ignoring case; JSON null counts as absent. */
  static Optional<JsonValue> get(JsonObject object, String name) {
    JsonValue exact = object.get(name);
    if (exact != null) {
      return exact.getValueType() == JsonValue.ValueType.NULL
          ? Optional.empty()
          : Optional.of(exact);
    }
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        JsonValue value = entry.getValue();
        return value.getValueType() == JsonValue.ValueType.NULL
            ? Optional.empty()
            : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  static ScimException invalid(String detail) {
    return ScimException.badRequest(ScimType.INVALID_VALUE, detail);
  }
}
