package dev.rollcall.scim.schema;

import java.util.Optional;

/** How unique an attribute's value is (RFC 7643 §2.2 "uniqueness"). */
public enum Uniqueness {
  NONE("none"),
  /** Unique within the organization (the service provider's scope for one client). */
  SERVER("server"),
  GLOBAL("global");

  private final String scimName;

  Uniqueness(String scimName) {
    this.scimName = scimName;
  }

  /** The name in schema JSON, e.g. {@code server}. */
  public String scimName() {
    return scimName;
  }

  /** Looks a value up by its SCIM name, ignoring case; empty for anything else. */
  public static Optional<Uniqueness> fromScimName(String name) {
    for (Uniqueness value : values()) {
      if (value.scimName.equalsIgnoreCase(name)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
