package dev.rollcall.query;

import java.util.Locale;
import java.util.Optional;

/**
 * The attribute operators of RFC 7644 §3.4.2.2 that take a value ({@code pr} is {@link
 * Filter.Present}).
 */
public enum CompareOp {
  EQ,
  NE,
  CO,
  SW,
  EW,
  GT,
  GE,
  LT,
  LE;

  /** The operator as written in canonical filter text: lower case, e.g. {@code eq}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Looks an operator up by its keyword, ignoring case; empty for anything else (including pr). */
  public static Optional<CompareOp> fromKeyword(String keyword) {
    for (CompareOp op : values()) {
      if (op.name().equalsIgnoreCase(keyword)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** True for {@code co}, {@code sw} and {@code ew}, which only compare strings. */
  public boolean isSubstringMatch() {
    return this == CO || this == SW || this == EW;
  }

  /** True for {@code gt}, {@code ge}, {@code lt} and {@code le}, which need an ordered value. */
  public boolean isOrdering() {
    return this == GT || this == GE || this == LT || this == LE;
  }

  /**
   * Whether this operator may be written with the literal: substring matches need a string, and
   * orderings cannot compare with a boolean or with null (RFC 7644 §3.4.2.2).
   */
  public boolean accepts(Literal value) {
    if (isSubstringMatch()) {
      return value instanceof Literal.StringLiteral;
    }
    if (isOrdering()) {
      return !(value instanceof Literal.BooleanLiteral) && !(value instanceof Literal.NullLiteral);
    }
    return true;
  }
}
