package dev.rollcall.statement;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The right-hand side of an option in {@code WITH ('key' = value, ...)}. {@code text} is the value
 * as written, without quotes and with doubled quotes unescaped; unquoted identifiers keep their
 * case (the executor decides whether {@code SCIM} is an enum constant or {@code Okta_Role} a role
 * name) and booleans are {@code "true"} or {@code "false"}.
 */
public record OptionValue(Kind kind, String text) {

  public enum Kind {
    /** An unquoted identifier such as {@code SCIM} or {@code okta_skim_provisioner}. */
    IDENTIFIER,
    /** A double-quoted identifier such as {@code "Okta Prod"}. */
    QUOTED_IDENTIFIER,
    /** A single-quoted string literal. */
    STRING,
    /** An integer or decimal number such as {@code 42} or {@code -1.5}. */
    NUMBER,
    /** {@code TRUE} or {@code FALSE}, in any case. */
    BOOLEAN
  }

  public OptionValue {
    requireNonNull(kind, "kind");
    requireNonNull(text, "text");
  }

  /**
   * The value read as an object name: unquoted identifiers are lower-cased, everything else is
   * returned as written. Callers that need a name should check {@link #kind()} first if numbers or
   * booleans are not acceptable.
   */
  public String asName() {
    return kind == Kind.IDENTIFIER ? text.toLowerCase(Locale.ROOT) : text;
  }
}
