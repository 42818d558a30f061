package dev.rollcall.scim.patch;

import static dev.rollcall.scim.patch.ScimPatchException.ScimType.INVALID_PATH;
import static dev.rollcall.scim.patch.ScimPatchException.ScimType.INVALID_VALUE;

import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.Mutability;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks and converts PATCH values against attribute definitions, and compares values. */
final class Values {

  private Values() {}

  /**
   * {@code value} as a value of the single-valued, non-complex attribute {@code definition}.
   * Booleans may arrive as the strings "true" / "false" in any case (Microsoft Entra ID sends
   * "True" and "False"), integers and decimals as numeric strings; they become JSON booleans and
   * numbers.
   *
   * @throws ScimPatchException invalidValue if the value does not fit the type
   */
  static JsonValue scalar(
      AttributeDefinition definition, JsonValue value, String label, PatchOperation op) {
    switch (definition.type()) {
      case STRING, REFERENCE:
        if (value instanceof JsonString) {
          return value;
        }
        throw wrongType(op, label, "a string", value);
      case BOOLEAN:
        return booleanOf(value)
            .map(b -> b ? JsonValue.TRUE : JsonValue.FALSE)
            .orElseThrow(() -> wrongType(op, label, "a boolean (true or false)", value));
      case INTEGER:
        return integerOf(value).orElseThrow(() -> wrongType(op, label, "an integer", value));
      case DECIMAL:
        return decimalOf(value).orElseThrow(() -> wrongType(op, label, "a number", value));
      case DATE_TIME:
        if (value instanceof JsonString s && instant(s.getString()).isPresent()) {
          return value;
        }
        throw wrongType(op, label, "a dateTime such as \"2024-05-01T12:00:00Z\"", value);
      case BINARY:
        if (value instanceof JsonString s && isBase64(s.getString())) {
          return value;
        }
        throw wrongType(op, label, "base64-encoded binary data in a string", value);
      case COMPLEX:
      default:
        throw new IllegalStateException("not a scalar type: " + definition.type());
    }
  }

  /**
   * {@code value} as one value of the complex attribute {@code definition}: an object whose members
   * are its sub-attributes, spelled as the schema spells them, with nulls dropped. A bare string,
   * number or boolean is taken as the {@code value} sub-attribute when the attribute has one
   * (Microsoft Entra ID sends the enterprise {@code manager} as a plain id).
   *
   * @param dropReadOnly whether read-only sub-attributes are left out (they are ignored when a
   *     client sets them) rather than kept (to match against)
   * @throws ScimPatchException invalidPath for an unknown sub-attribute, invalidValue for a value
   *     of the wrong shape
   */
  static JsonObject complex(
      AttributeDefinition definition,
      JsonValue value,
      String label,
      PatchOperation op,
      boolean dropReadOnly) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      Optional<AttributeDefinition> valueSub = definition.subAttribute("value");
      boolean scalar =
          value instanceof JsonString
              || value instanceof JsonNumber
              || value == JsonValue.TRUE
              || value == JsonValue.FALSE;
      if (scalar && valueSub.isPresent()) {
        return Json.createObjectBuilder()
            .add(valueSub.get().name(), scalar(valueSub.get(), value, label + ".value", op))
            .build();
      }
      throw wrongType(op, label, "an object of sub-attributes", value);
    }
    JsonObjectBuilder result = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
      AttributeDefinition sub =
          definition
              .subAttribute(entry.getKey())
              .orElseThrow(
                  () ->
                      op.error(
                          INVALID_PATH,
                          "'" + label + "' has no sub-attribute '" + entry.getKey() + "'"));
      JsonValue subValue = entry.getValue();
      if (subValue == JsonValue.NULL
          || (dropReadOnly && sub.mutability() == Mutability.READ_ONLY)) {
        continue;
      }
      result.add(sub.name(), scalar(sub, subValue, label + "." + sub.name(), op));
    }
    return result.build();
  }

  /** One value of the multi-valued attribute {@code definition}. */
  static JsonValue element(
      AttributeDefinition definition,
      JsonValue value,
      String label,
      PatchOperation op,
      boolean dropReadOnly) {
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      throw wrongType(op, label, "a single value, not an array", value);
    }
    return definition.isComplex()
        ? complex(definition, value, label, op, dropReadOnly)
        : scalar(definition, value, label, op);
  }

  /** The values of the multi-valued attribute {@code definition}: an array, or one value alone. */
  static List<JsonValue> elements(
      AttributeDefinition definition,
      JsonValue value,
      String label,
      PatchOperation op,
      boolean dropReadOnly) {
    List<JsonValue> result = new ArrayList<>();
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue element : value.asJsonArray()) {
        if (element == JsonValue.NULL) {
          throw wrongType(op, label, "values, not null", element);
        }
        result.add(element(definition, element, label, op, dropReadOnly));
      }
    } else {
      result.add(element(definition, value, label, op, dropReadOnly));
    }
    return result;
  }

  /** Whether two values of the non-complex {@code definition} are the same, honouring caseExact. */
  static boolean same(AttributeDefinition definition, JsonValue a, JsonValue b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof JsonString sa && b instanceof JsonString sb) {
      if (definition.type() == dev.rollcall.scim.schema.AttributeType.DATE_TIME) {
        Optional<Instant> ia = instant(sa.getString());
        Optional<Instant> ib = instant(sb.getString());
        if (ia.isPresent() && ib.isPresent()) {
          return ia.get().equals(ib.get());
        }
      }
      return definition.caseExact()
          ? sa.getString().equals(sb.getString())
          : sa.getString().equalsIgnoreCase(sb.getString());
    }
    if (a instanceof JsonNumber na && b instanceof JsonNumber nb) {
      return na.bigDecimalValue().compareTo(nb.bigDecimalValue()) == 0;
    }
    return a.equals(b);
  }

  /**
   * Whether two values of the multi-valued {@code definition} are the same value: for complex
   * values with a {@code value} sub-attribute, the same {@code value} and no conflicting {@code
   * type}; otherwise the same sub-attributes.
   */
  static boolean sameElement(AttributeDefinition definition, JsonValue a, JsonValue b) {
    if (!definition.isComplex()) {
      return same(definition, a, b);
    }
    if (!(a instanceof JsonObject oa) || !(b instanceof JsonObject ob)) {
      return false;
    }
    Optional<AttributeDefinition> valueSub = definition.subAttribute("value");
    if (valueSub.isPresent()) {
      JsonValue va = JsonMembers.get(oa, "value");
      JsonValue vb = JsonMembers.get(ob, "value");
      if (va != null && vb != null) {
        if (!same(valueSub.get(), va, vb)) {
          return false;
        }
        Optional<AttributeDefinition> typeSub = definition.subAttribute("type");
        JsonValue ta = JsonMembers.get(oa, "type");
        JsonValue tb = JsonMembers.get(ob, "type");
        return typeSub.isEmpty() || ta == null || tb == null || same(typeSub.get(), ta, tb);
      }
    }
    return matchesTemplate(definition, oa, ob) && matchesTemplate(definition, ob, oa);
  }

  /**
   * Whether {@code element} matches {@code template}, a value a client sent to say which values to
   * remove: by {@code value} when the template has one, else by every sub-attribute the template
   * has.
   */
  static boolean matchesTemplate(
      AttributeDefinition definition, JsonValue template, JsonValue element) {
    if (!definition.isComplex()) {
      return same(definition, template, element);
    }
    if (!(template instanceof JsonObject t) || !(element instanceof JsonObject e)) {
      return false;
    }
    JsonValue templateValue = JsonMembers.get(t, "value");
    Optional<AttributeDefinition> valueSub = definition.subAttribute("value");
    if (templateValue != null && valueSub.isPresent()) {
      return same(valueSub.get(), templateValue, JsonMembers.get(e, "value"));
    }
    for (Map.Entry<String, JsonValue> entry : t.entrySet()) {
      Optional<AttributeDefinition> sub = definition.subAttribute(entry.getKey());
      if (sub.isEmpty() || !same(sub.get(), entry.getValue(), JsonMembers.get(e, entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** A JSON boolean, or a string "true" / "false" in any case and with any surrounding space. */
  static Optional<Boolean> booleanOf(JsonValue value) {
    if (value == JsonValue.TRUE) {
      return Optional.of(true);
    }
    if (value == JsonValue.FALSE) {
      return Optional.of(false);
    }
    if (value instanceof JsonString s) {
      String text = s.getString().trim();
      if (text.equalsIgnoreCase("true")) {
        return Optional.of(true);
      }
      if (text.equalsIgnoreCase("false")) {
        return Optional.of(false);
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonValue> integerOf(JsonValue value) {
    try {
      if (value instanceof JsonNumber n) {
        return Optional.of(Json.createValue(n.bigDecimalValue().toBigIntegerExact()));
      }
      if (value instanceof JsonString s) {
        return Optional.of(Json.createValue(new BigInteger(s.getString().trim())));
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<JsonValue> decimalOf(JsonValue value) {
    if (value instanceof JsonNumber) {
      return Optional.of(value);
    }
    if (value instanceof JsonString s) {
      try {
        return Optional.of(Json.createValue(new BigDecimal(s.getString().trim())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** An xsd:dateTime (RFC 7643 §2.3.5) as an instant; one without an offset is taken as UTC. */
  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  private static boolean isBase64(String text) {
    try {
      Base64.getMimeDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ScimPatchException wrongType(
      PatchOperation op, String label, String expected, JsonValue found) {
    return op.error(
        INVALID_VALUE,
        "'" + label + "' must be " + expected + ", found " + JsonMembers.shorten(found));
  }

  /** The lower-case form used for case-insensitive string comparison. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
