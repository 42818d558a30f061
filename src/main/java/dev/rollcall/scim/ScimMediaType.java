package dev.rollcall.scim;

import jakarta.ws.rs.core.MediaType;

/** {@code application/scim+json} (RFC 7644 §3.1). */
public final class ScimMediaType {
  public static final String SCIM_JSON = "application/scim+json";
  public static final MediaType SCIM_JSON_TYPE = new MediaType("application", "scim+json");

  private ScimMediaType() {}
}
