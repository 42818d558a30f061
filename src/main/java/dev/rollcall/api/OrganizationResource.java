package dev.rollcall.api;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.OrganizationService;
import dev.rollcall.application.OrganizationService.CreatedOrganization;
import dev.rollcall.domain.organization.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The platform operator's API: create organizations (with their first admin) and look them up. */
@Path("organizations")
@ApplicationScoped
@OperatorOnly
public class OrganizationResource {
  private final OrganizationService organizations;

  /** {@code POST /organizations} body. */
  record CreateOrganizationRequest(String name, String adminEmail) {
    static CreateOrganizationRequest from(JsonObject json) {
      return new CreateOrganizationRequest(
          JsonBodies.requiredString(json, "name"), JsonBodies.requiredString(json, "adminEmail"));
    }
  }

  @Inject
  public OrganizationResource(OrganizationService organizations) {
    this.organizations = organizations;
  }

  public OrganizationResource() {
    this(null);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context UriInfo uri) {
    var request = CreateOrganizationRequest.from(JsonBodies.object(body));
    CreatedOrganization created = organizations.create(request.name(), request.adminEmail());
    JsonObject json =
        JSON.createObjectBuilder()
            .add("id", created.id())
            .add("name", created.name())
            .add("adminToken", created.adminToken())
            .build();
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(json)
        .build();
  }

  /** {@code POST /organizations/{id}/recovery} body. */
  record RecoveryRequest(String adminEmail) {
    static RecoveryRequest from(JsonObject json) {
      return new RecoveryRequest(JsonBodies.requiredString(json, "adminEmail"));
    }
  }

  /**
   * The last resort when an organization has no usable orgadmin: the named member is reactivated
   * (or created) with orgadmin and a new API token, shown once.
   */
  @POST
  @Path("{orgId}/recovery")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject recover(@PathParam("orgId") String id, String body) {
    var request = RecoveryRequest.from(JsonBodies.object(body));
    var recovery = organizations.recover(id, request.adminEmail());
    return JSON.createObjectBuilder()
        .add("id", id)
        .add("userName", recovery.member().userName())
        .add("created", recovery.created())
        .add("adminToken", recovery.adminToken())
        .build();
  }

  @GET
  @Path("{orgId}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject get(@PathParam("orgId") String id) {
    Organization organization = organizations.find(id);
    return JSON.createObjectBuilder()
        .add("id", organization.id())
        .add("name", organization.name())
        .add("createdAt", organization.createdAt().toString())
        .build();
  }
}
