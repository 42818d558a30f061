package dev.rollcall.infrastructure.persistence;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import dev.rollcall.query.UnsupportedFilterException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a SCIM filter into one JPA Criteria predicate, so the database does the matching: each
 * attribute the resource type allows is mapped to a column (with its comparison rules) or to an
 * EXISTS subquery for multi-valued attributes. Anything else is refused, never evaluated in memory.
 */
final class CriteriaFilter {
  /** How an attribute's column compares. */
  enum Kind {
    /** A lower-cased copy of a case-insensitive value: compared with the lower-cased literal. */
    KEY,
    /** Case-insensitive text without a key column: compared as lower(column). */
    TEXT,
    /** Case-exact text (ids, externalId). */
    EXACT,
    BOOLEAN,
    INSTANT,
    NUMBER
  }

  /** One filterable single-valued attribute. */
  record Column(Kind kind, Function<Path<?>, Path<?>> path) {}

  /** A multi-valued attribute: a correlated EXISTS over its rows, given a predicate on them. */
  interface MultiValued {
    Predicate exists(Path<?> root, Function<SubPathResolver, Predicate> condition);

    /** Sub-attribute used when the filter names the attribute without one (emails eq "x"). */
    String defaultSubAttribute();
  }

  /** Resolves a sub-attribute of a multi-valued attribute's row. */
  interface SubPathResolver {
    Column column(String subAttribute);

    Path<?> row();
  }

  private final CriteriaBuilder cb;
  private final Map<String, Column> columns;
  private final Map<String, MultiValued> multiValued;
  private final Map<String, Function<CompareContext, Predicate>> special;

  /** A comparison on an attribute that needs its own SQL (orgadmin, say). */
  record CompareContext(CompareOp op, Literal value, boolean present) {}

  CriteriaFilter(
      CriteriaBuilder cb,
      Map<String, Column> columns,
      Map<String, MultiValued> multiValued,
      Map<String, Function<CompareContext, Predicate>> special) {
    this.cb = cb;
    this.columns = columns;
    this.multiValued = multiValued;
    this.special = special;
  }

  Predicate toPredicate(Path<?> root, Filter filter) {
    if (filter instanceof Filter.And and) {
      return cb.and(
          and.operands().stream().map(f -> toPredicate(root, f)).toArray(Predicate[]::new));
    }
    if (filter instanceof Filter.Or or) {
      return cb.or(or.operands().stream().map(f -> toPredicate(root, f)).toArray(Predicate[]::new));
    }
    if (filter instanceof Filter.Not not) {
      return cb.not(toPredicate(root, not.inner()));
    }
    if (filter instanceof Filter.ValuePathFilter valuePath) {
      MultiValued attribute = multiValued(valuePath.path());
      return attribute.exists(root, rows -> subPredicate(rows, valuePath.inner()));
    }
    if (filter instanceof Filter.Present present) {
      return present(root, present.path());
    }
    Filter.Comparison comparison = (Filter.Comparison) filter;
    return compare(root, comparison.path(), comparison.op(), comparison.value());
  }

  private Predicate present(Path<?> root, AttributePath path) {
    String name = key(path);
    if (special.containsKey(name)) {
      return special.get(name).apply(new CompareContext(null, null, true));
    }
    MultiValued attribute = multiValuedOrNull(path);
    if (attribute != null) {
      String sub = path.subAttribute();
      return attribute.exists(
          root, rows -> sub == null ? cb.conjunction() : presentOn(rows.column(sub), rows.row()));
    }
    return presentOn(column(path), root);
  }

  private Predicate presentOn(Column column, Path<?> root) {
    Path<?> path = column.path().apply(root);
    if (column.kind() == Kind.BOOLEAN
        || column.kind() == Kind.INSTANT
        || column.kind() == Kind.NUMBER) {
      return cb.isNotNull(path);
    }
    @SuppressWarnings("unchecked")
    Expression<String> text = (Expression<String>) path;
    return cb.and(cb.isNotNull(text), cb.notEqual(text, ""));
  }

  private Predicate compare(Path<?> root, AttributePath path, CompareOp op, Literal value) {
    String name = key(path);
    if (special.containsKey(name)) {
      return special.get(name).apply(new CompareContext(op, value, false));
    }
    MultiValued attribute = multiValuedOrNull(path);
    if (attribute != null) {
      String sub =
          path.subAttribute() != null ? path.subAttribute() : attribute.defaultSubAttribute();
      return attribute.exists(
          root, rows -> compareOn(rows.column(sub), rows.row(), op, value, path));
    }
    return compareOn(column(path), root, op, value, path);
  }

  private Predicate subPredicate(SubPathResolver rows, Filter inner) {
    if (inner instanceof Filter.And and) {
      return cb.and(
          and.operands().stream().map(f -> subPredicate(rows, f)).toArray(Predicate[]::new));
    }
    if (inner instanceof Filter.Or or) {
      return cb.or(
          or.operands().stream().map(f -> subPredicate(rows, f)).toArray(Predicate[]::new));
    }
    if (inner instanceof Filter.Not not) {
      return cb.not(subPredicate(rows, not.inner()));
    }
    if (inner instanceof Filter.Present present) {
      return presentOn(rows.column(present.path().attribute()), rows.row());
    }
    if (inner instanceof Filter.Comparison comparison) {
      return compareOn(
          rows.column(comparison.path().attribute()),
          rows.row(),
          comparison.op(),
          comparison.value(),
          comparison.path());
    }
    throw new UnsupportedFilterException("value filters cannot be nested");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Predicate compareOn(
      Column column, Path<?> root, CompareOp op, Literal value, AttributePath attribute) {
    Path<?> path = column.path().apply(root);
    if (value instanceof Literal.NullLiteral) {
      return switch (op) {
        case EQ -> cb.isNull(path);
        case NE -> cb.isNotNull(path);
        default -> throw unsupported(attribute, op, value);
      };
    }
    switch (column.kind()) {
      case BOOLEAN -> {
        boolean wanted = booleanValue(attribute, value);
        Expression<Boolean> flag = (Expression<Boolean>) path;
        return switch (op) {
          case EQ -> cb.equal(flag, wanted);
          case NE -> cb.or(cb.isNull(flag), cb.notEqual(flag, wanted));
          default -> throw unsupported(attribute, op, value);
        };
      }
      case NUMBER -> {
        if (!(value instanceof Literal.NumberLiteral number)) {
          throw new UnsupportedFilterException(
              "Attribute '" + attribute.render() + "' is a number; compare it with a number");
        }
        Expression<java.math.BigDecimal> field = (Expression<java.math.BigDecimal>) path;
        java.math.BigDecimal n = number.value();
        return switch (op) {
          case EQ -> cb.equal(field, n);
          case NE -> cb.or(cb.isNull(field), cb.notEqual(field, n));
          case GT -> cb.greaterThan(field, n);
          case GE -> cb.greaterThanOrEqualTo(field, n);
          case LT -> cb.lessThan(field, n);
          case LE -> cb.lessThanOrEqualTo(field, n);
          default -> throw unsupported(attribute, op, value);
        };
      }
      case INSTANT -> {
        Instant instant = instantValue(attribute, value);
        Expression<Instant> time = (Expression<Instant>) path;
        return switch (op) {
          case EQ -> cb.equal(time, instant);
          case NE -> cb.notEqual(time, instant);
          case GT -> cb.greaterThan(time, instant);
          case GE -> cb.greaterThanOrEqualTo(time, instant);
          case LT -> cb.lessThan(time, instant);
          case LE -> cb.lessThanOrEqualTo(time, instant);
          default -> throw unsupported(attribute, op, value);
        };
      }
      default -> {
        String text = textValue(attribute, value);
        Expression<String> field = (Expression<String>) path;
        if (column.kind() == Kind.TEXT) {
          field = cb.lower(field);
        }
        if (column.kind() != Kind.EXACT) {
          text = text.toLowerCase(Locale.ROOT);
        }
        return switch (op) {
          case EQ -> cb.equal(field, text);
          case NE -> cb.or(cb.isNull(field), cb.notEqual(field, text));
          case CO -> cb.like(field, "%" + escape(text) + "%", '\\');
          case SW -> cb.like(field, escape(text) + "%", '\\');
          case EW -> cb.like(field, "%" + escape(text), '\\');
          case GT -> cb.greaterThan(field, text);
          case GE -> cb.greaterThanOrEqualTo(field, text);
          case LT -> cb.lessThan(field, text);
          case LE -> cb.lessThanOrEqualTo(field, text);
        };
      }
    }
  }

  /** The single-valued column for a path, for sorting as well as filtering. */
  Column column(AttributePath path) {
    Column column = columns.get(key(path));
    if (column == null) {
      throw new UnsupportedFilterException(
          "Attribute '" + path.render() + "' cannot be used here; supported: " + supported());
    }
    return column;
  }

  private MultiValued multiValued(AttributePath path) {
    MultiValued attribute = multiValuedOrNull(path);
    if (attribute == null) {
      throw new UnsupportedFilterException(
          "Attribute '" + path.attribute() + "' is not multi-valued or cannot be filtered on");
    }
    return attribute;
  }

  private MultiValued multiValuedOrNull(AttributePath path) {
    return multiValued.get(path.attribute().toLowerCase(Locale.ROOT));
  }

  private SortedSet<String> supported() {
    // emails is both a sort column and a multi-valued attribute: named once
    SortedSet<String> names = new TreeSet<>(columns.keySet());
    names.addAll(multiValued.keySet());
    names.addAll(special.keySet());
    return names;
  }

  /** The lookup key of a path: attribute[.sub], lower case, schema URN ignored once it matched. */
  static String key(AttributePath path) {
    String name = path.attribute() + (path.subAttribute() == null ? "" : "." + path.subAttribute());
    return name.toLowerCase(Locale.ROOT);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String textValue(AttributePath attribute, Literal value) {
    if (value instanceof Literal.StringLiteral s) {
      return s.value();
    }
    if (value instanceof Literal.NumberLiteral n) {
      return n.value().toPlainString();
    }
    if (value instanceof Literal.BooleanLiteral b) {
      return Boolean.toString(b.value());
    }
    throw new UnsupportedFilterException(
        "Attribute '" + attribute.render() + "' is a string; compare it with a string value");
  }

  private static boolean booleanValue(AttributePath attribute, Literal value) {
    if (value instanceof Literal.BooleanLiteral b) {
      return b.value();
    }
    if (value instanceof Literal.StringLiteral s
        && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT));
    }
    throw new UnsupportedFilterException(
        "Attribute '" + attribute.render() + "' is a boolean; compare it with true or false");
  }

  private static Instant instantValue(AttributePath attribute, Literal value) {
    if (value instanceof Literal.StringLiteral s) {
      try {
        return Instant.parse(s.value());
      } catch (DateTimeParseException e) {
        // fall through to the error below
      }
    }
    throw new UnsupportedFilterException(
        "Attribute '"
            + attribute.render()
            + "' is a dateTime; compare it with a string such as \"2025-07-15T23:17:15Z\"");
  }

  private static UnsupportedFilterException unsupported(
      AttributePath attribute, CompareOp op, Literal value) {
    return new UnsupportedFilterException(
        "'"
            + op.keyword()
            + "' cannot compare attribute '"
            + attribute.render()
            + "' with "
            + value.render());
  }
}
