package dev.rollcall.scim.schema;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How JSON values become values of an attribute's type (RFC 7643 §2.3), and when two values are the
 * same. The PATCH engine and the POST/PUT validator both use these rules, so a value is accepted or
 * refused the same way whichever request carries it:
 *
 * <ul>
 *   <li>strings, references: a JSON string; a number is refused, not turned into text;
 *   <li>booleans: a JSON boolean, or the string "true" / "false" in any case (Microsoft Entra ID
 *       sends "True" and "False"); the result is a JSON boolean;
 *   <li>integers and decimals: a JSON number, or a numeric string; the result is a JSON number
 *       (integers must have no fractional part);
 *   <li>dateTime: an xsd:dateTime string, with or without an offset (none means UTC);
 *   <li>binary: a base64 string;
 *   <li>a complex value may be a bare string, number or boolean when the attribute has a {@code
 *       value} sub-attribute: it is that sub-attribute ({@link #complexValue});
 *   <li>a multi-valued attribute may be given one value instead of an array ({@link #elements}).
 * </ul>
 */
public final class AttributeValues {

  private AttributeValues() {}

  /**
   * {@code value} as a value of the non-complex attribute {@code definition}, or empty if it does
   * not fit the attribute's type.
   *
   * @throws IllegalArgumentException if {@code definition} is complex
   */
  public static Optional<JsonValue> coerce(AttributeDefinition definition, JsonValue value) {
    return switch (definition.type()) {
      case STRING, REFERENCE -> value instanceof JsonString ? Optional.of(value) : Optional.empty();
      case BOOLEAN -> booleanOf(value).map(b -> b ? JsonValue.TRUE : JsonValue.FALSE);
      case INTEGER -> integerOf(value);
      case DECIMAL -> decimalOf(value);
      case DATE_TIME ->
          value instanceof JsonString s && instant(s.getString()).isPresent()
              ? Optional.of(value)
              : Optional.empty();
      case BINARY ->
          value instanceof JsonString s && isBase64(s.getString())
              ? Optional.of(value)
              : Optional.empty();
      case COMPLEX -> throw new IllegalArgumentException("'" + definition.name() + "' is complex");
    };
  }

  /**
   * What a value of {@code type} must be, for error messages: "a boolean (true or false)".
   *
   * @throws IllegalArgumentException for {@code complex}
   */
  public static String expected(AttributeType type) {
    return switch (type) {
      case STRING, REFERENCE -> "a string";
      case BOOLEAN -> "a boolean (true or false)";
      case INTEGER -> "an integer";
      case DECIMAL -> "a number";
      case DATE_TIME -> "a dateTime such as \"2024-05-01T12:00:00Z\"";
      case BINARY -> "base64-encoded binary data in a string";
      case COMPLEX -> throw new IllegalArgumentException("complex values have no single type");
    };
  }

  /**
   * {@code value} as an object of the complex attribute {@code definition}'s sub-attributes, not
   * yet checked: an object as it is, or a bare string, number or boolean as {@code {"value": ...}}
   * when the attribute has a {@code value} sub-attribute (Microsoft Entra ID sends the enterprise
   * {@code manager} as a plain id). Empty for anything else.
   */
  public static Optional<JsonObject> complexValue(AttributeDefinition definition, JsonValue value) {
    if (value instanceof JsonObject object) {
      return Optional.of(object);
    }
    Optional<AttributeDefinition> valueSub = definition.subAttribute("value");
    if (isScalar(value) && valueSub.isPresent()) {
      return Optional.of(JSON.createObjectBuilder().add(valueSub.get().name(), value).build());
    }
    return Optional.empty();
  }

  /**
   * The values given for a multi-valued attribute, not yet checked: the elements of an array, or
   * {@code value} alone when it is not an array.
   */
  public static List<JsonValue> elements(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.ARRAY
        ? List.copyOf(value.asJsonArray())
        : List.of(value);
  }

  /** Whether {@code value} is a JSON string, number or boolean. */
  public static boolean isScalar(JsonValue value) {
    return value instanceof JsonString
        || value instanceof JsonNumber
        || value == JsonValue.TRUE
        || value == JsonValue.FALSE;
  }

  /**
   * Whether two values of the non-complex {@code definition} are the same: strings honouring
   * caseExact, dateTimes as instants, numbers by value.
   */
  public static boolean same(AttributeDefinition definition, JsonValue a, JsonValue b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof JsonString sa && b instanceof JsonString sb) {
      if (definition.type() == AttributeType.DATE_TIME) {
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

  /** A JSON boolean, or a string "true" / "false" in any case and with any surrounding space. */
  public static Optional<Boolean> booleanOf(JsonValue value) {
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

  /** An xsd:dateTime (RFC 7643 §2.3.5) as an instant; one without an offset is taken as UTC. */
  public static Optional<Instant> instant(String text) {
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

  /** A short rendering of a JSON value for error messages. */
  public static String shorten(JsonValue value) {
    String text = value == null ? "nothing" : value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static Optional<JsonValue> integerOf(JsonValue value) {
    try {
      if (value instanceof JsonNumber n) {
        return Optional.of(JSON.createValue(n.bigDecimalValue().toBigIntegerExact()));
      }
      if (value instanceof JsonString s) {
        return Optional.of(JSON.createValue(new BigInteger(s.getString().trim())));
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
        return Optional.of(JSON.createValue(new BigDecimal(s.getString().trim())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isBase64(String text) {
    try {
      Base64.getMimeDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
