package dev.rollcall.scim.schema;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * What the {@code /ServiceProviderConfig} endpoint says (RFC 7643 §5): PATCH, bulk, filtering,
 * sorting and ETags are supported, changing passwords is not, and clients authenticate with an
 * OAuth bearer token.
 *
 * @param bulkSupported whether {@code /Bulk} is served
 * @param bulkMaxOperations the most operations one bulk request may carry
 * @param bulkMaxPayloadSize the largest bulk request, in bytes
 * @param filterMaxResults the most resources one query returns
 */
public record ServiceProviderConfig(
    boolean bulkSupported, int bulkMaxOperations, int bulkMaxPayloadSize, int filterMaxResults) {

  public ServiceProviderConfig {
    requirePositive(bulkMaxOperations, "bulkMaxOperations");
    requirePositive(bulkMaxPayloadSize, "bulkMaxPayloadSize");
    requirePositive(filterMaxResults, "filterMaxResults");
  }

  /**
   * The configuration JSON, with {@code meta.location} {@code
   * {locationBase}/ServiceProviderConfig}.
   *
   * @param locationBase the organization's SCIM base URI; a trailing '/' is ignored
   */
  public JsonObject toJson(String locationBase) {
    return JSON.createObjectBuilder()
        .add("schemas", JSON.createArrayBuilder().add(Schemas.SERVICE_PROVIDER_CONFIG_URN))
        .add("patch", supported(true))
        .add(
            "bulk",
            supported(bulkSupported)
                .add("maxOperations", bulkMaxOperations)
                .add("maxPayloadSize", bulkMaxPayloadSize))
        .add("filter", supported(true).add("maxResults", filterMaxResults))
        .add("changePassword", supported(false))
        .add("sort", supported(true))
        .add("etag", supported(true))
        .add(
            "authenticationSchemes",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("type", "oauthbearertoken")
                        .add("name", "OAuth Bearer Token")
                        .add(
                            "description",
                            "The bearer token issued when the organization's security integration"
                                + " was created or renewed.")
                        .add("specUri", "https://www.rfc-editor.org/info/rfc6750")
                        .add("primary", true)))
        .add(
            "meta",
            JSON.createObjectBuilder()
                .add("resourceType", "ServiceProviderConfig")
                .add("location", Schemas.location(locationBase, "/ServiceProviderConfig")))
        .build();
  }

  private static JsonObjectBuilder supported(boolean supported) {
    return JSON.createObjectBuilder().add("supported", supported);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
