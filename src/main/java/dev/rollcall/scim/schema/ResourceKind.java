package dev.rollcall.scim.schema;

/** The kinds of SCIM resource Rollcall serves. */
public enum ResourceKind {
  USER("User", "/Users"),
  GROUP("Group", "/Groups");

  private final String resourceType;
  private final String endpoint;

  ResourceKind(String resourceType, String endpoint) {
    this.resourceType = resourceType;
    this.endpoint = endpoint;
  }

  /** The resource type's name, as {@code meta.resourceType} carries it: {@code User}. */
  public String resourceType() {
    return resourceType;
  }

  /** The endpoint relative to the SCIM base URI: {@code /Users}. */
  public String endpoint() {
    return endpoint;
  }
}
