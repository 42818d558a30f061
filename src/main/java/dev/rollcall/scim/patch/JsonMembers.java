package dev.rollcall.scim.patch;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Case-insensitive access to the members of immutable JSON objects (SCIM attribute names ignore
 * case, RFC 7643 §2.1). A JSON {@code null} member counts as absent.
 */
final class JsonMembers {

  private JsonMembers() {}

  /** The key under which {@code object} holds {@code name}, ignoring case, or null. */
  static String key(JsonObject object, String name) {
    if (object.containsKey(name)) {
      return name;
    }
    for (String key : object.keySet()) {
      if (key.equalsIgnoreCase(name)) {
        return key;
      }
    }
    return null;
  }

  /** The value of {@code name}, ignoring case; null when absent or JSON null. */
  static JsonValue get(JsonObject object, String name) {
    String key = key(object, name);
    JsonValue value = key == null ? null : object.get(key);
    return value == JsonValue.NULL ? null : value;
  }

  /** A copy of {@code object} with {@code name} set to {@code value}, spelled as {@code name}. */
  static JsonObject put(JsonObject object, String name, JsonValue value) {
    JsonObjectBuilder builder = JSON.createObjectBuilder(object);
    String existing = key(object, name);
    if (existing != null && !existing.equals(name)) {
      builder.remove(existing);
    }
    return builder.add(name, value).build();
  }

  /** A copy of {@code object} without {@code name} (in any spelling). */
  static JsonObject remove(JsonObject object, String name) {
    String existing = key(object, name);
    if (existing == null) {
      return object;
    }
    return JSON.createObjectBuilder(object).remove(existing).build();
  }

  static JsonValue array(List<JsonValue> values) {
    JsonArrayBuilder builder = JSON.createArrayBuilder();
    values.forEach(builder::add);
    return builder.build();
  }

  /** Whether {@code value} is unassigned: absent, null or an empty array (RFC 7643 §2.5). */
  static boolean isUnassigned(JsonValue value) {
    return value == null
        || value == JsonValue.NULL
        || (value.getValueType() == JsonValue.ValueType.ARRAY && value.asJsonArray().isEmpty());
  }

  /** Whether {@code schemas} (a resource's) lists {@code urn}, ignoring case. */
  static boolean listsSchema(JsonObject resource, String urn) {
    JsonValue schemas = get(resource, "schemas");
    if (schemas == null || schemas.getValueType() != JsonValue.ValueType.ARRAY) {
      return false;
    }
    for (JsonValue value : schemas.asJsonArray()) {
      if (value instanceof JsonString s && s.getString().equalsIgnoreCase(urn)) {
        return true;
      }
    }
    return false;
  }

  /** {@code resource} with {@code urn} added to or removed from its {@code schemas}. */
  static JsonObject withSchema(JsonObject resource, String urn, boolean listed) {
    if (listsSchema(resource, urn) == listed) {
      return resource;
    }
    JsonArrayBuilder schemas = JSON.createArrayBuilder();
    JsonValue current = get(resource, "schemas");
    if (current != null && current.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue value : current.asJsonArray()) {
        if (!(value instanceof JsonString s && s.getString().equalsIgnoreCase(urn))) {
          schemas.add(value);
        }
      }
    }
    if (listed) {
      schemas.add(urn);
    }
    return put(resource, "schemas", schemas.build());
  }
}
