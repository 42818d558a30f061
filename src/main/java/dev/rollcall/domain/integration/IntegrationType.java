package dev.rollcall.domain.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Kinds of security integration. */
public enum IntegrationType {
  SCIM;

  public static Optional<IntegrationType> fromName(String name) {
    String wanted = name.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.name().equals(wanted)).findFirst();
  }

  public static String validNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** Lower case, as LIST SECURITY INTEGRATIONS shows it. */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
