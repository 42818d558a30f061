package dev.rollcall.domain;

import java.util.Locale;

/**
 * Checks a string against the length of the column that stores it, before the write: an over-long
 * value is the client's mistake, named with its limit, never a database failure. The limits
 * themselves are constants on the entities and value objects, next to the columns they describe.
 */
public final class Lengths {
  private Lengths() {}

  /** Refuses {@code value} (null passes) when it is longer than {@code max} characters. */
  public static void require(String attribute, String value, int max) {
    if (value != null && value.length() > max) {
      throw tooLong(attribute, max);
    }
  }

  /**
   * As {@link #require}, for a value whose lower-cased copy is stored too (a look-up key): the
   * copy, which a few characters lengthen, must fit as well.
   */
  public static void requireKeyed(String attribute, String value, int max) {
    require(attribute, value, max);
    if (value != null && value.toLowerCase(Locale.ROOT).length() > max) {
      throw tooLong(attribute, max);
    }
  }

  private static InvalidRequestException tooLong(String attribute, int max) {
    return new InvalidRequestException(attribute + " must be at most " + max + " characters");
  }
}
