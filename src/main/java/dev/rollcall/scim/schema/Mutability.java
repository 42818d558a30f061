package dev.rollcall.scim.schema;

import java.util.Optional;

/** Whether and how an attribute can be changed (RFC 7643 §2.2 "mutability"). */
public enum Mutability {
  /** Set by the service provider only; values a client sends are ignored. */
  READ_ONLY("readOnly"),
  /** Clients may change it at any time. */
  READ_WRITE("readWrite"),
  /** Clients may set it once, when it has no value; it never changes after that. */
  IMMUTABLE("immutable"),
  /** Clients may set it, but it is never returned. */
  WRITE_ONLY("writeOnly");

  private final String scimName;

  Mutability(String scimName) {
    this.scimName = scimName;
  }

  /** The name in schema JSON, e.g. {@code readOnly}. */
  public String scimName() {
    return scimName;
  }

  /** Looks a value up by its SCIM name, ignoring case; empty for anything else. */
  public static Optional<Mutability> fromScimName(String name) {
    for (Mutability value : values()) {
      if (value.scimName.equalsIgnoreCase(name)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
