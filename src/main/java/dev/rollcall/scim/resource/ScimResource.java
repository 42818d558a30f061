package dev.rollcall.scim.resource;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.config.ScimLocations;
import dev.rollcall.scim.ProvisioningEvents;
import dev.rollcall.scim.ScimCaller;
import dev.rollcall.scim.projection.AttributeProjection;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * What {@code /Users} and {@code /Groups} share: the caller and the organization's SCIM base, the
 * schemas the caller's organization declares, list and {@code .search} (RFC 7644 §3.4.2, §3.4.3),
 * projections and weak ETags from the resource's version.
 */
public abstract class ScimResource {
  private final ScimCaller caller;
  private final ScimLocations locations;
  private final ScimSchemas schemas;
  private final ProvisioningEvents events;
  private final ResourceKind kind;

  ScimResource(
      ScimCaller caller,
      ScimLocations locations,
      ScimSchemas schemas,
      ProvisioningEvents events,
      ResourceKind kind) {
    this.caller = caller;
    this.locations = locations;
    this.schemas = schemas;
    this.events = events;
    this.kind = kind;
  }

  @GET
  public JsonObject list(@BeanParam ListParameters parameters) {
    return search(parameters.toQuery());
  }

  @POST
  @Path(".search")
  public JsonObject searchByPost(String body) {
    return search(ListQuery.of(JsonReading.object(body)));
  }

  /** One page of the resources the query matches, as a ListResponse. */
  abstract JsonObject search(ListQuery query);

  static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version), true);
  }

  AttributeProjection projection(String attributes, String excludedAttributes) {
    return AttributeProjection.of(registry(), kind, attributes, excludedAttributes);
  }

  SchemaRegistry registry() {
    return schemas.registry(principal().extensions());
  }

  ScimPrincipal principal() {
    return caller.principal();
  }

  /**
   * Tells the provisioning log what a write names ({@code userName}, group {@code displayName}),
   * read from its body; the body itself is never recorded.
   */
  JsonObject naming(JsonObject body, String attribute) {
    if (body.get(attribute) instanceof jakarta.json.JsonString name) {
      caller.target(name.getString());
    }
    return body;
  }

  /**
   * Runs a write ({@code create}, {@code replace}, {@code patch}, {@code delete}; {@code id} as the
   * path names it) and records it in the provisioning log, in one transaction (see {@link
   * ProvisioningEvents#recorded}). {@code write} calls one service method and renders its answer.
   */
  Response recorded(String operation, String id, Supplier<Response> write) {
    return events.recorded(
        new ProvisioningEvents.Request(operation, kind.resourceType(), id), write);
  }

  /**
   * Tells the provisioning log the name of what a write changed when its body named none (a DELETE,
   * a PATCH): the userName or group name.
   */
  void naming(String target) {
    caller.target(target);
  }

  /** The organization's SCIM base URI. */
  String base() {
    return locations.base(principal().organizationId());
  }
}
