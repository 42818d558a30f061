package dev.rollcall.application.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A configuration value that is an ISO-8601 duration, refused with its key's name when unusable.
 */
public final class DurationSetting {
  private DurationSetting() {}

  /** The duration {@code value} of {@code key}; not negative. */
  public static Duration parse(String key, String value) {
    Duration parsed;
    try {
      parsed = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(key + " is not an ISO-8601 duration: " + value, e);
    }
    if (parsed.isNegative()) {
      throw new IllegalStateException(key + " must not be negative");
    }
    return parsed;
  }
}
