package dev.rollcall.scim.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads schema and attribute definitions from RFC 7643 §7 JSON. */
final class SchemaJson {

  private SchemaJson() {}

  static SchemaDefinition schema(JsonObject json) {
    String id = requiredString(json, "id", "schema");
    String where = "schema " + id;
    JsonArray attributes = array(json, "attributes", where);
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (JsonValue attribute : attributes) {
      if (attribute.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("Every attribute of " + where + " must be an object");
      }
      definitions.add(attribute(attribute.asJsonObject(), ""));
    }
    try {
      return new SchemaDefinition(
          id,
          optionalString(json, "name", where),
          optionalString(json, "description", where),
          definitions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  static AttributeDefinition attribute(JsonObject json, String parent) {
    String name = requiredString(json, "name", parent.isEmpty() ? "attribute" : parent);
    String where = "attribute '" + parent + name + "'";
    AttributeType type =
        enumValue(json, "type", where, AttributeType::fromScimName).orElse(AttributeType.STRING);
    AttributeDefinition.Builder builder =
        AttributeDefinition.builder(name, type)
            .multiValued(bool(json, "multiValued", where))
            .description(optionalString(json, "description", where))
            .required(bool(json, "required", where))
            .caseExact(bool(json, "caseExact", where))
            .mutability(
                enumValue(json, "mutability", where, Mutability::fromScimName)
                    .orElse(Mutability.READ_WRITE))
            .returned(
                enumValue(json, "returned", where, Returned::fromScimName).orElse(Returned.DEFAULT))
            .uniqueness(
                enumValue(json, "uniqueness", where, Uniqueness::fromScimName)
                    .orElse(Uniqueness.NONE))
            .canonicalValues(strings(json, "canonicalValues", where))
            .referenceTypes(strings(json, "referenceTypes", where));
    if (json.containsKey("subAttributes")) {
      if (!parent.isEmpty()) {
        throw new IllegalArgumentException(where + " is a sub-attribute and cannot have any");
      }
      List<AttributeDefinition> subs = new ArrayList<>();
      for (JsonValue sub : array(json, "subAttributes", where)) {
        if (sub.getValueType() != JsonValue.ValueType.OBJECT) {
          throw new IllegalArgumentException(
              "Every sub-attribute of " + where + " must be an object");
        }
        subs.add(attribute(sub.asJsonObject(), name + "."));
      }
      builder.subAttributes(subs);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String requiredString(JsonObject json, String key, String where) {
    JsonValue value = json.get(key);
    if (!(value instanceof JsonString string) || string.getString().isBlank()) {
      throw new IllegalArgumentException(
          "The " + where + " needs a non-empty string '" + key + "'");
    }
    return string.getString();
  }

  private static String optionalString(JsonObject json, String key, String where) {
    JsonValue value = json.get(key);
    if (value == null || value == JsonValue.NULL) {
      return "";
    }
    if (!(value instanceof JsonString string)) {
      throw new IllegalArgumentException("'" + key + "' of " + where + " must be a string");
    }
    return string.getString();
  }

  private static boolean bool(JsonObject json, String key, String where) {
    JsonValue value = json.get(key);
    if (value == null || value == JsonValue.NULL) {
      return false;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw new IllegalArgumentException("'" + key + "' of " + where + " must be true or false");
    }
    return value == JsonValue.TRUE;
  }

  private static <E> Optional<E> enumValue(
      JsonObject json, String key, String where, Function<String, Optional<E>> lookup) {
    String text = optionalString(json, key, where);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<E> value = lookup.apply(text);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + key + "' of " + where + " has the unknown value '" + text + "'");
    }
    return value;
  }

  private static JsonArray array(JsonObject json, String key, String where) {
    JsonValue value = json.get(key);
    if (value == null || value == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException("'" + key + "' of " + where + " must be an array");
    }
    return value.asJsonArray();
  }

  private static List<String> strings(JsonObject json, String key, String where) {
    List<String> result = new ArrayList<>();
    for (JsonValue value : array(json, key, where)) {
      if (!(value instanceof JsonString string)) {
        throw new IllegalArgumentException("'" + key + "' of " + where + " must hold strings");
      }
      result.add(string.getString());
    }
    return result;
  }
}
