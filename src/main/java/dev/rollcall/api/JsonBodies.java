package dev.rollcall.api;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.web.JsonNesting;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Reads JSON request bodies with errors that name the problem (and never a parser's internals). */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("The request body must be a JSON object");
    }
    if (JsonNesting.tooDeep(body)) {
      throw new InvalidRequestException(
          "The request body nests deeper than " + JsonNesting.MAX_DEPTH + " levels");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException("The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidRequestException("The request body is not valid JSON");
    }
  }

  /** A string member: absent or null is empty; any other type is an error naming the attribute. */
  public static Optional<String> string(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonString string) {
      return Optional.of(string.getString());
    }
    throw new InvalidRequestException("Attribute '" + name + "' must be a string");
  }

  public static String requiredString(JsonObject object, String name) {
    return string(object, name)
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> new InvalidRequestException("Attribute '" + name + "' is required"));
  }
}
