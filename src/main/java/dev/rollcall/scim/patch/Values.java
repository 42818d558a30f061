package dev.rollcall.scim.patch;

import static dev.rollcall.json.JsonFactory.JSON;
import static dev.rollcall.scim.schema.ScimType.INVALID_PATH;
import static dev.rollcall.scim.schema.ScimType.INVALID_VALUE;

import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeValues;
import dev.rollcall.scim.schema.Mutability;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and converts PATCH values against attribute definitions, and compares values; the type
 * rules themselves are {@link AttributeValues}'s, shared with POST and PUT validation.
 */
final class Values {

  private Values() {}

  /**
   * {@code value} as a value of the single-valued, non-complex attribute {@code definition},
   * coerced as {@link AttributeValues#coerce} says (booleans may arrive as "True" / "False",
   * numbers as numeric strings).
   *
   * @throws ScimPatchException invalidValue if the value does not fit the type
   */
  static JsonValue scalar(
      AttributeDefinition definition, JsonValue value, String label, PatchOperation op) {
    return AttributeValues.coerce(definition, value)
        .orElseThrow(
            () -> wrongType(op, label, AttributeValues.expected(definition.type()), value));
  }

  /**
   * {@code value} as one value of the complex attribute {@code definition}: an object whose members
   * are its sub-attributes, spelled as the schema spells them, with nulls dropped. A bare string,
   * number or boolean is taken as the {@code value} sub-attribute when the attribute has one
   * ({@link AttributeValues#complexValue}).
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
    JsonObject given =
        AttributeValues.complexValue(definition, value)
            .orElseThrow(() -> wrongType(op, label, "an object of sub-attributes", value));
    JsonObjectBuilder result = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : given.entrySet()) {
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
    for (JsonValue element : AttributeValues.elements(value)) {
      if (element == JsonValue.NULL) {
        throw wrongType(op, label, "values, not null", element);
      }
      result.add(element(definition, element, label, op, dropReadOnly));
    }
    return result;
  }

  /** Whether two values of the non-complex {@code definition} are the same, honouring caseExact. */
  static boolean same(AttributeDefinition definition, JsonValue a, JsonValue b) {
    return AttributeValues.same(definition, a, b);
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

  private static ScimPatchException wrongType(
      PatchOperation op, String label, String expected, JsonValue found) {
    return op.error(
        INVALID_VALUE,
        "'" + label + "' must be " + expected + ", found " + AttributeValues.shorten(found));
  }

  /** The lower-case form used for case-insensitive string comparison. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
