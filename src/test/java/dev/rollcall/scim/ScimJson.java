package dev.rollcall.scim;

import dev.rollcall.domain.member.UserAttribute;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Test helpers for writing SCIM JSON compactly: {@link #json} reads JSON written with single quotes
 * (so tests need no escaping); {@link #patch} and {@link #op} build PATCH bodies, whose paths often
 * contain double quotes.
 */
public final class ScimJson {

  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private ScimJson() {}

  /** Parses JSON in which every ' stands for ". */
  public static JsonValue json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  public static JsonObject object(String singleQuoted) {
    return json(singleQuoted).asJsonObject();
  }

  /**
   * A user body naming the core and enterprise schemas, with {@code userName} and {@code value} at
   * {@code attribute}'s path (a userName attribute replaces the first).
   */
  public static JsonObject userWith(UserAttribute attribute, String value, String userName) {
    JsonObjectBuilder user =
        Json.createObjectBuilder()
            .add("schemas", Json.createArrayBuilder().add(USER).add(ENTERPRISE))
            .add("userName", userName);
    JsonObjectBuilder holder = Json.createObjectBuilder();
    JsonObjectBuilder leaf = attribute.parent() == null ? holder : Json.createObjectBuilder();
    leaf.add(attribute.attributeName(), value);
    if (attribute.parent() != null) {
      holder.add(attribute.parent(), leaf);
    }
    if (attribute.schema() == UserAttribute.Schema.ENTERPRISE) {
      user.add(ENTERPRISE, holder);
    } else {
      holder.build().forEach(user::add);
    }
    return user.build();
  }

  /** The value at {@code attribute}'s path in a user representation. */
  public static String valueAt(JsonObject user, UserAttribute attribute) {
    JsonObject holder =
        attribute.schema() == UserAttribute.Schema.ENTERPRISE
            ? user.getJsonObject(ENTERPRISE)
            : user;
    if (attribute.parent() != null) {
      holder = holder.getJsonObject(attribute.parent());
    }
    return holder.getString(attribute.attributeName());
  }

  /** A PATCH body with these operations. */
  public static JsonObject patch(JsonObject... operations) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject operation : operations) {
      array.add(operation);
    }
    return Json.createObjectBuilder()
        .add("schemas", Json.createArrayBuilder().add(PATCH_OP))
        .add("Operations", array)
        .build();
  }

  /** One operation; {@code path} and {@code value} may be null to leave them out. */
  public static JsonObject op(String op, String path, JsonValue value) {
    JsonObjectBuilder builder = Json.createObjectBuilder().add("op", op);
    if (path != null) {
      builder.add("path", path);
    }
    if (value != null) {
      builder.add("value", value);
    }
    return builder.build();
  }

  /** One operation without a value. */
  public static JsonObject op(String op, String path) {
    return op(op, path, (JsonValue) null);
  }

  /** One operation whose value is written with single quotes. */
  public static JsonObject op(String op, String path, String singleQuotedValue) {
    return op(op, path, json(singleQuotedValue));
  }

  /** One operation with a plain string value. */
  public static JsonObject opString(String op, String path, String value) {
    return op(op, path, Json.createValue(value));
  }
}
