package dev.rollcall.scim.patch;

import static dev.rollcall.json.JsonFactory.JSON;
import static dev.rollcall.scim.schema.ScimType.INVALID_FILTER;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.AttributeValues;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Value filters of PATCH paths ({@code emails[type eq "work"]}): checking them against the
 * multi-valued attribute they select from, evaluating them on its values, and turning a filter like
 * {@code type eq "work"} into the value it describes.
 *
 * <p>Inside the brackets, names are sub-attributes of the multi-valued attribute; for a
 * multi-valued attribute that is not complex, {@code value} names the value itself.
 */
final class ValueFilters {

  private ValueFilters() {}

  /**
   * Checks that every name in {@code filter} is a sub-attribute of {@code attribute} and that each
   * comparison suits the sub-attribute's type.
   *
   * @throws ScimPatchException invalidFilter naming the offending comparison
   */
  static void validate(
      Filter filter, AttributeDefinition attribute, String label, PatchOperation op) {
    if (filter instanceof Filter.And and) {
      and.operands().forEach(f -> validate(f, attribute, label, op));
    } else if (filter instanceof Filter.Or or) {
      or.operands().forEach(f -> validate(f, attribute, label, op));
    } else if (filter instanceof Filter.Not not) {
      validate(not.inner(), attribute, label, op);
    } else if (filter instanceof Filter.Present present) {
      subAttribute(present.path(), attribute, label, op);
    } else if (filter instanceof Filter.Comparison comparison) {
      AttributeDefinition sub = subAttribute(comparison.path(), attribute, label, op);
      String problem = incompatibility(sub, comparison.op(), comparison.value());
      if (problem != null) {
        throw op.error(INVALID_FILTER, "in '" + comparison + "': " + problem);
      }
    } else {
      throw op.error(INVALID_FILTER, "value filters cannot be nested: '" + filter + "'");
    }
  }

  /** Whether {@code element}, one value of {@code attribute}, matches the validated filter. */
  static boolean matches(Filter filter, AttributeDefinition attribute, JsonValue element) {
    if (filter instanceof Filter.And and) {
      return and.operands().stream().allMatch(f -> matches(f, attribute, element));
    }
    if (filter instanceof Filter.Or or) {
      return or.operands().stream().anyMatch(f -> matches(f, attribute, element));
    }
    if (filter instanceof Filter.Not not) {
      return !matches(not.inner(), attribute, element);
    }
    if (filter instanceof Filter.Present present) {
      return isPresent(valueOf(element, present.path(), attribute));
    }
    if (filter instanceof Filter.Comparison comparison) {
      return compare(comparison, attribute, element);
    }
    return false;
  }

  /**
   * The value a filter describes, when it is {@code sub eq literal} or an {@code and} of such
   * comparisons on different sub-attributes: {@code type eq "work"} describes {@code {"type":
   * "work"}}. Used to create the value that an {@code add} or {@code replace} through a filter that
   * matches nothing aims at, as Microsoft Entra ID expects for {@code emails[type eq
   * "work"].value}.
   */
  static Optional<JsonValue> describedValue(Filter filter, AttributeDefinition attribute) {
    List<Filter> terms = filter instanceof Filter.And and ? and.operands() : List.of(filter);
    JsonObjectBuilder object = JSON.createObjectBuilder();
    Set<String> seen = new HashSet<>();
    JsonValue scalar = null;
    for (Filter term : terms) {
      if (!(term instanceof Filter.Comparison comparison)
          || comparison.op() != CompareOp.EQ
          || comparison.value() instanceof Literal.NullLiteral) {
        return Optional.empty();
      }
      AttributeDefinition sub = lookup(comparison.path(), attribute).orElse(null);
      if (sub == null || !seen.add(sub.name().toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
      JsonValue value = literalAsValue(sub, comparison.value());
      if (attribute.isComplex()) {
        object.add(sub.name(), value);
      } else {
        scalar = value;
      }
    }
    return Optional.of(attribute.isComplex() ? object.build() : scalar);
  }

  // ---- names ----

  private static AttributeDefinition subAttribute(
      AttributePath path, AttributeDefinition attribute, String label, PatchOperation op) {
    return lookup(path, attribute)
        .orElseThrow(
            () ->
                op.error(
                    INVALID_FILTER,
                    "'" + label + "' has no sub-attribute '" + path.render() + "' to filter on"));
  }

  private static Optional<AttributeDefinition> lookup(
      AttributePath path, AttributeDefinition attribute) {
    if (path.hasSchemaUrn() || path.hasSubAttribute()) {
      return Optional.empty();
    }
    if (attribute.isComplex()) {
      return attribute.subAttribute(path.attribute());
    }
    return path.attributeMatches("value") ? Optional.of(attribute) : Optional.empty();
  }

  private static JsonValue valueOf(
      JsonValue element, AttributePath path, AttributeDefinition attribute) {
    if (!attribute.isComplex()) {
      return element;
    }
    return element instanceof JsonObject object ? JsonMembers.get(object, path.attribute()) : null;
  }

  // ---- types ----

  /** Why {@code sub op literal} cannot be evaluated, or null if it can. */
  private static String incompatibility(AttributeDefinition sub, CompareOp op, Literal literal) {
    if (literal instanceof Literal.NullLiteral) {
      return null;
    }
    switch (sub.type()) {
      case STRING, REFERENCE, BINARY:
        return literal instanceof Literal.StringLiteral
            ? null
            : "'" + sub.name() + "' is a string; compare it with a string in double quotes";
      case BOOLEAN:
        if (op != CompareOp.EQ && op != CompareOp.NE) {
          return "'" + sub.name() + "' is a boolean; only eq and ne apply";
        }
        return literal instanceof Literal.BooleanLiteral
                || (literal instanceof Literal.StringLiteral s
                    && AttributeValues.booleanOf(JSON.createValue(s.value())).isPresent())
            ? null
            : "'" + sub.name() + "' is a boolean; compare it with true or false";
      case INTEGER, DECIMAL:
        if (op.isSubstringMatch()) {
          return "'" + sub.name() + "' is a number; co, sw and ew apply to strings";
        }
        return literal instanceof Literal.NumberLiteral
            ? null
            : "'" + sub.name() + "' is a number; compare it with a number";
      case DATE_TIME:
        if (!(literal instanceof Literal.StringLiteral s)) {
          return "'" + sub.name() + "' is a dateTime; compare it with a string";
        }
        if (!op.isSubstringMatch() && AttributeValues.instant(s.value()).isEmpty()) {
          return "\"" + s.value() + "\" is not a dateTime such as \"2024-05-01T12:00:00Z\"";
        }
        return null;
      case COMPLEX:
      default:
        return "'" + sub.name() + "' is complex and cannot be compared";
    }
  }

  private static JsonValue literalAsValue(AttributeDefinition sub, Literal literal) {
    if (literal instanceof Literal.StringLiteral s) {
      if (sub.type() == AttributeType.BOOLEAN) {
        return AttributeValues.booleanOf(JSON.createValue(s.value())).orElse(false)
            ? JsonValue.TRUE
            : JsonValue.FALSE;
      }
      return JSON.createValue(s.value());
    }
    if (literal instanceof Literal.NumberLiteral n) {
      return JSON.createValue(n.value());
    }
    if (literal instanceof Literal.BooleanLiteral b) {
      return b.value() ? JsonValue.TRUE : JsonValue.FALSE;
    }
    return JsonValue.NULL;
  }

  // ---- evaluation ----

  private static boolean isPresent(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return false;
    }
    return switch (value.getValueType()) {
      case STRING -> !((JsonString) value).getString().isEmpty();
      case ARRAY -> !value.asJsonArray().isEmpty();
      case OBJECT -> !value.asJsonObject().isEmpty();
      default -> true;
    };
  }

  private static boolean compare(
      Filter.Comparison comparison, AttributeDefinition attribute, JsonValue element) {
    AttributeDefinition sub = lookup(comparison.path(), attribute).orElse(null);
    if (sub == null) {
      return false;
    }
    JsonValue actual = valueOf(element, comparison.path(), attribute);
    CompareOp op = comparison.op();
    Literal literal = comparison.value();
    if (literal instanceof Literal.NullLiteral) {
      return op == CompareOp.EQ ? !isPresent(actual) : isPresent(actual);
    }
    if (actual == null || actual == JsonValue.NULL) {
      return op == CompareOp.NE;
    }
    Integer order = order(sub, op, actual, literal);
    if (order == null) {
      // Values of different kinds are never equal.
      return op == CompareOp.NE;
    }
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case CO, SW, EW -> substring(sub, op, actual, literal);
    };
  }

  /** How {@code actual} compares with {@code literal}, or null if they cannot be compared. */
  private static Integer order(
      AttributeDefinition sub, CompareOp op, JsonValue actual, Literal literal) {
    if (op.isSubstringMatch()) {
      return 0; // decided by substring()
    }
    switch (sub.type()) {
      case BOOLEAN -> {
        Optional<Boolean> a = AttributeValues.booleanOf(actual);
        Optional<Boolean> b =
            literal instanceof Literal.BooleanLiteral bl
                ? Optional.of(bl.value())
                : literal instanceof Literal.StringLiteral sl
                    ? AttributeValues.booleanOf(JSON.createValue(sl.value()))
                    : Optional.empty();
        return a.isPresent() && b.isPresent() ? Boolean.compare(a.get(), b.get()) : null;
      }
      case INTEGER, DECIMAL -> {
        if (actual instanceof JsonNumber n && literal instanceof Literal.NumberLiteral l) {
          return n.bigDecimalValue().compareTo(l.value());
        }
        if (actual instanceof JsonString s && literal instanceof Literal.NumberLiteral l) {
          try {
            return new BigDecimal(s.getString().trim()).compareTo(l.value());
          } catch (NumberFormatException e) {
            return null;
          }
        }
        return null;
      }
      case DATE_TIME -> {
        if (actual instanceof JsonString s && literal instanceof Literal.StringLiteral l) {
          Optional<Instant> a = AttributeValues.instant(s.getString());
          Optional<Instant> b = AttributeValues.instant(l.value());
          if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get());
          }
          return s.getString().compareTo(l.value());
        }
        return null;
      }
      default -> {
        if (actual instanceof JsonString s && literal instanceof Literal.StringLiteral l) {
          return sub.caseExact()
              ? Integer.signum(s.getString().compareTo(l.value()))
              : Integer.signum(Values.fold(s.getString()).compareTo(Values.fold(l.value())));
        }
        return null;
      }
    }
  }

  private static boolean substring(
      AttributeDefinition sub, CompareOp op, JsonValue actual, Literal literal) {
    if (!(actual instanceof JsonString s) || !(literal instanceof Literal.StringLiteral l)) {
      return false;
    }
    String a = sub.caseExact() ? s.getString() : Values.fold(s.getString());
    String b = sub.caseExact() ? l.value() : Values.fold(l.value());
    return switch (op) {
      case CO -> a.contains(b);
      case SW -> a.startsWith(b);
      case EW -> a.endsWith(b);
      default -> false;
    };
  }
}
