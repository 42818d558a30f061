package dev.rollcall.scim.schema;

import java.util.Optional;

/** When an attribute appears in a response (RFC 7643 §2.2 "returned"). */
public enum Returned {
  /** In every response, whatever {@code attributes} or {@code excludedAttributes} say. */
  ALWAYS("always"),
  /** In no response. */
  NEVER("never"),
  /** Unless {@code excludedAttributes} names it, or {@code attributes} leaves it out. */
  DEFAULT("default"),
  /** Only when {@code attributes} names it. */
  REQUEST("request");

  private final String scimName;

  Returned(String scimName) {
    this.scimName = scimName;
  }

  /** The name in schema JSON, e.g. {@code always}. */
  public String scimName() {
    return scimName;
  }

  /** Looks a value up by its SCIM name, ignoring case; empty for anything else. */
  public static Optional<Returned> fromScimName(String name) {
    for (Returned value : values()) {
      if (value.scimName.equalsIgnoreCase(name)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
