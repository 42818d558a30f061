package dev.rollcall.scim.resource;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A resource's {@code meta} (RFC 7643 §3.1) and its weak ETag, derived from the row version. */
final class Meta {
  private Meta() {}

  static JsonObjectBuilder of(
      String resourceType, Instant created, Instant lastModified, long version, String location) {
    return JSON.createObjectBuilder()
        .add("resourceType", resourceType)
        .add("created", created.toString())
        .add("lastModified", lastModified.toString())
        .add("location", location)
        .add("version", etag(version));
  }

  static String etag(long version) {
    return "W/\"" + version + "\"";
  }
}
