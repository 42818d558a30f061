package dev.rollcall.scim;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /ServiceProviderConfig} (RFC 7643 §5): what this service supports. */
@Path("{orgId}/ServiceProviderConfig")
@RequestScoped
public class ServiceProviderConfigResource {
  @GET
  @Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
  public JsonObject get(@Context UriInfo uri) {
    return Json.createObjectBuilder()
        .add(
            "schemas",
            Json.createArrayBuilder()
                .add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
        .add("patch", Json.createObjectBuilder().add("supported", true))
        .add(
            "bulk",
            Json.createObjectBuilder()
                .add("supported", false)
                .add("maxOperations", 0)
                .add("maxPayloadSize", 0))
        .add("filter", Json.createObjectBuilder().add("supported", true).add("maxResults", 1000))
        .add("changePassword", Json.createObjectBuilder().add("supported", false))
        .add("sort", Json.createObjectBuilder().add("supported", false))
        .add("etag", Json.createObjectBuilder().add("supported", false))
        .add(
            "authenticationSchemes",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("type", "oauthbearertoken")
                        .add("name", "OAuth Bearer Token")
                        .add("description", "The security integration's token as a bearer token")
                        .add("primary", true)))
        .add(
            "meta",
            Json.createObjectBuilder()
                .add("resourceType", "ServiceProviderConfig")
                .add("location", uri.getAbsolutePath().toString()))
        .build();
  }
}
