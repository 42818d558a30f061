package dev.rollcall.scim.schema;

import java.util.Optional;

/** The data type of a SCIM attribute (RFC 7643 §2.3), with the name the schema JSON uses. */
public enum AttributeType {
  STRING("string"),
  BOOLEAN("boolean"),
  DECIMAL("decimal"),
  INTEGER("integer"),
  DATE_TIME("dateTime"),
  REFERENCE("reference"),
  COMPLEX("complex"),
  BINARY("binary");

  private final String scimName;

  AttributeType(String scimName) {
    this.scimName = scimName;
  }

  /** The name in schema JSON, e.g. {@code dateTime}. */
  public String scimName() {
    return scimName;
  }

  /** Looks a type up by its SCIM name, ignoring case; empty for anything else. */
  public static Optional<AttributeType> fromScimName(String name) {
    for (AttributeType type : values()) {
      if (type.scimName.equalsIgnoreCase(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
