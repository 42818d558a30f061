package dev.rollcall.domain.member;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A value of an attribute an integration's extension schema declares: exactly one of the typed
 * values is set (text for strings and references, number, flag or time).
 */
public record CustomAttribute(
    String schema, String name, String text, BigDecimal number, Boolean flag, Instant time) {
  public CustomAttribute {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  public static CustomAttribute text(String schema, String name, String value) {
    return new CustomAttribute(schema, name, value, null, null, null);
  }

  public static CustomAttribute number(String schema, String name, BigDecimal value) {
    return new CustomAttribute(schema, name, null, value, null, null);
  }

  public static CustomAttribute flag(String schema, String name, boolean value) {
    return new CustomAttribute(schema, name, null, null, value, null);
  }

  public static CustomAttribute time(String schema, String name, Instant value) {
    return new CustomAttribute(schema, name, null, null, null, value);
  }

  /** Equal values, comparing numbers by value (1.0 and 1.00 are the same number). */
  public boolean sameAs(CustomAttribute other) {
    return schema.equals(other.schema)
        && name.equals(other.name)
        && Objects.equals(text, other.text)
        && (number == null
            ? other.number == null
            : other.number != null && number.compareTo(other.number) == 0)
        && Objects.equals(flag, other.flag)
        && Objects.equals(time, other.time);
  }
}
