package dev.rollcall.scim.schema;

/**
 * The RFC 7644 §3.12 {@code scimType} values a 400 or 409 error response carries. One enum for the
 * PATCH engine, validation and the exception mapper, so a type is spelled in one place.
 */
public enum ScimType {
  /** The request body is not valid SCIM: wrong structure, a malformed operation. */
  INVALID_SYNTAX("invalidSyntax"),
  /** A path does not parse, or names an attribute the resource does not have. */
  INVALID_PATH("invalidPath"),
  /** A filter does not parse, or cannot be evaluated. */
  INVALID_FILTER("invalidFilter"),
  /** A PATCH path's filter matched nothing where something must be changed. */
  NO_TARGET("noTarget"),
  /** A value has the wrong type or shape, or a required value is missing. */
  INVALID_VALUE("invalidValue"),
  /** The request would change an immutable or read-only attribute, or remove a required one. */
  MUTABILITY("mutability"),
  /** A value that must be unique is already taken. */
  UNIQUENESS("uniqueness");

  private final String value;

  ScimType(String value) {
    this.value = value;
  }

  /** The {@code scimType} as the error response spells it, e.g. {@code invalidPath}. */
  public String value() {
    return value;
  }
}
