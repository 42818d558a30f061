package dev.rollcall.application.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationSettingTest {
  @Test
  void readsIsoDurationsIncludingZero() {
    assertEquals(Duration.ofDays(365), DurationSetting.parse("k", "P365D"));
    assertEquals(Duration.ZERO, DurationSetting.parse("k", "PT0S"));
  }

  @Test
  void refusesUnreadableAndNegativeValuesNamingTheKey() {
    IllegalStateException unreadable =
        assertThrows(
            IllegalStateException.class, () -> DurationSetting.parse("rollcall.x", "10 seconds"));
    assertTrue(unreadable.getMessage().contains("rollcall.x"), unreadable.getMessage());
    IllegalStateException negative =
        assertThrows(
            IllegalStateException.class, () -> DurationSetting.parse("rollcall.x", "-PT1S"));
    assertTrue(negative.getMessage().contains("rollcall.x must not be negative"));
  }
}
