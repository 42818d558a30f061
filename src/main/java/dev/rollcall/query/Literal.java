package dev.rollcall.query;

import java.math.BigDecimal;
import java.util.Objects;

/** A comparison value in a filter: a JSON string, number, boolean or null (RFC 7644 compValue). */
public sealed interface Literal {

  /** The {@code null} literal. */
  NullLiteral NULL = new NullLiteral();

  static StringLiteral of(String value) {
    return new StringLiteral(value);
  }

  static NumberLiteral of(BigDecimal value) {
    return new NumberLiteral(value);
  }

  static BooleanLiteral of(boolean value) {
    return new BooleanLiteral(value);
  }

  /** The literal as canonical filter text: strings quoted and escaped as JSON. */
  default String render() {
    return FilterText.literal(this);
  }

  /** A string value, with its JSON escapes already decoded. */
  record StringLiteral(String value) implements Literal {
    public StringLiteral {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return render();
    }
  }

  /**
   * A number exactly as written: {@code 1.0} and {@code 1.00} are different records (they differ in
   * scale), so compare numerically with {@link BigDecimal#compareTo}.
   */
  record NumberLiteral(BigDecimal value) implements Literal {
    public NumberLiteral {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return render();
    }
  }

  record BooleanLiteral(boolean value) implements Literal {
    @Override
    public String toString() {
      return render();
    }
  }

  record NullLiteral() implements Literal {
    @Override
    public String toString() {
      return render();
    }
  }
}
