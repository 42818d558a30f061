package dev.rollcall.scim.resource;

import dev.rollcall.scim.ScimException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SCIM request bodies. Attribute names are case-insensitive (RFC 7643 §2.1); wrong JSON types
 * are {@code invalidValue} errors naming the attribute. Booleans sent as "True"/"False" strings (as
 * Entra ID does) are accepted.
 */
final class JsonReading {
  private JsonReading() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw ScimException.badRequest("invalidSyntax", "The request body must be a JSON object");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ScimException.badRequest("invalidSyntax", "The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw ScimException.badRequest("invalidSyntax", "The request body is not valid JSON");
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

  static Optional<String> string(JsonObject object, String name, String label) {
    return get(object, name)
        .map(
            value -> {
              if (value instanceof JsonString s) {
                return s.getString();
              }
              if (value instanceof JsonNumber n) {
                return n.toString();
              }
              throw invalid(label + " must be a string");
            });
  }

  static Optional<Boolean> bool(JsonObject object, String name, String label) {
    return get(object, name).map(value -> toBoolean(value, label));
  }

  static boolean toBoolean(JsonValue value, String label) {
    if (value == JsonValue.TRUE) {
      return true;
    }
    if (value == JsonValue.FALSE) {
      return false;
    }
    if (value instanceof JsonString s) {
      String text = s.getString().trim().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.parseBoolean(text);
      }
    }
    throw invalid(label + " must be a boolean");
  }

  static Optional<JsonObject> object(JsonObject object, String name, String label) {
    return get(object, name)
        .map(
            value -> {
              if (value instanceof JsonObject o) {
                return o;
              }
              throw invalid(label + " must be an object");
            });
  }

  static Optional<JsonArray> array(JsonObject object, String name, String label) {
    return get(object, name)
        .map(
            value -> {
              if (value instanceof JsonArray a) {
                return a;
              }
              throw invalid(label + " must be an array");
            });
  }

  static ScimException invalid(String detail) {
    return ScimException.badRequest("invalidValue", detail);
  }
}
