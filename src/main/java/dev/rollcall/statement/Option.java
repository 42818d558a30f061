package dev.rollcall.statement;

import static java.util.Objects.requireNonNull;

/**
 * One {@code 'key' = value} entry of a {@code WITH (...)} clause.
 *
 * @param key the key without quotes, lower-cased
 * @param value the value
 * @param position the zero-based character offset of the key's opening quote in the statement text,
 *     so that an executor can report a bad value where it was written (see {@link
 *     StatementSyntaxException#at(String, int, String)})
 */
public record Option(String key, OptionValue value, int position) {

  public Option {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative: " + position);
    }
  }
}
