package dev.rollcall.domain.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The identity provider on the other end of a SCIM integration; decides defaults and quirks. */
public enum ScimClient {
  OKTA,
  ENTRA_ID,
  GENERIC;

  public static Optional<ScimClient> fromName(String name) {
    String wanted = name.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.name().equals(wanted)).findFirst();
  }

  public static String validNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
