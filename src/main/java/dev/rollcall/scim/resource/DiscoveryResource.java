package dev.rollcall.scim.resource;

import dev.rollcall.application.config.ScimLocations;
import dev.rollcall.scim.ScimCaller;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.web.limits.RequestLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas} (RFC 7644 §4). */
@Path("{orgId}")
@ApplicationScoped
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class DiscoveryResource {
  private final ScimCaller caller;
  private final ScimLocations locations;
  private final ScimSchemas schemas;
  private final RequestLimits limits;

  @Inject
  public DiscoveryResource(
      ScimCaller caller, ScimLocations locations, ScimSchemas schemas, RequestLimits limits) {
    this.caller = caller;
    this.locations = locations;
    this.schemas = schemas;
    this.limits = limits;
  }

  public DiscoveryResource() {
    this(null, null, null, null);
  }

  @GET
  @Path("ServiceProviderConfig")
  public JsonObject serviceProviderConfig() {
    return ServiceProviderConfigs.current(limits.bulkBodySize()).toJson(base());
  }

  @GET
  @Path("ResourceTypes")
  public JsonObject resourceTypes() {
    return registry().resourceTypesJson(base());
  }

  @GET
  @Path("ResourceTypes/{name}")
  public JsonObject resourceType(@PathParam("name") String name) {
    return registry().resourceTypes().stream()
        .filter(t -> t.name().equalsIgnoreCase(name))
        .findFirst()
        .map(t -> t.toJson(base()))
        .orElseThrow(() -> new ScimException(404, null, "Resource type " + name + " not found"));
  }

  @GET
  @Path("Schemas")
  public JsonObject schemaList() {
    return registry().schemasJson(base());
  }

  @GET
  @Path("Schemas/{id}")
  public JsonObject schema(@PathParam("id") String id) {
    return registry()
        .schema(id)
        .map(s -> s.toJson(base()))
        .orElseThrow(() -> new ScimException(404, null, "Schema " + id + " not found"));
  }

  private SchemaRegistry registry() {
    return schemas.registry(caller.principal().extensions());
  }

  private String base() {
    return locations.base(caller.principal().organizationId());
  }
}
