package dev.rollcall.scim.resource;

import dev.rollcall.application.UserProvisioning;
import dev.rollcall.application.UserProvisioning.ProvisionedUser;
import dev.rollcall.application.config.ScimLocations;
import dev.rollcall.query.SearchPage;
import dev.rollcall.scim.ProvisioningEvents;
import dev.rollcall.scim.ScimCaller;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.projection.AttributeProjection;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.validation.ResourceValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /Users}: members as SCIM users (RFC 7644 §3). */
@Path("{orgId}/Users")
@ApplicationScoped
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class UsersResource extends ScimResource {
  private final UserProvisioning users;

  @Inject
  public UsersResource(
      UserProvisioning users,
      ScimCaller caller,
      ScimLocations locations,
      ScimSchemas schemas,
      ProvisioningEvents events) {
    super(caller, locations, schemas, events, ResourceKind.USER);
    this.users = users;
  }

  public UsersResource() {
    this(null, null, null, null, null);
  }

  @Override
  JsonObject search(ListQuery query) {
    AttributeProjection projection = projection(query.attributes(), query.excludedAttributes());
    SchemaRegistry registry = registry();
    SearchPage<ProvisionedUser> page =
        users.search(
            query.filter(),
            query.sort(),
            query.startIndex(),
            query.count(),
            principal().extensions());
    String base = base();
    return ListResponse.of(
        page.total(),
        query.startIndex(),
        page.items().stream()
            .map(u -> shown(projection, UserRepresentation.toJson(u, base, registry)))
            .toList());
  }

  @POST
  public Response create(
      String body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return recorded("create", null, () -> created(body, attributes, excludedAttributes));
  }

  private Response created(String body, String attributes, String excludedAttributes) {
    SchemaRegistry registry = registry();
    var created =
        users.create(
            principal(),
            UserRepresentation.toProfile(naming(JsonReading.object(body), "userName"), registry));
    JsonObject json = UserRepresentation.toJson(created.user(), base(), registry);
    return Response.created(URI.create(base() + "/Users/" + created.user().member().id()))
        .tag(etag(created.user()))
        .entity(shown(projection(attributes, excludedAttributes), json))
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    ProvisionedUser user = users.get(id, principal().extensions());
    if (Preconditions.notModified(ifNoneMatch, user.member().version())) {
      return Response.notModified(etag(user)).build();
    }
    return single(user, attributes, excludedAttributes);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      String body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return recorded(
        "replace", id, () -> replaced(id, ifMatch, body, attributes, excludedAttributes));
  }

  private Response replaced(
      String id, String ifMatch, String body, String attributes, String excludedAttributes) {
    JsonObject replacement = naming(JsonReading.object(body), "userName");
    SchemaRegistry registry = registry();
    String base = base();
    ProvisionedUser replaced =
        users.replace(
            principal(),
            id,
            Preconditions.ifMatch(ifMatch),
            current -> {
              JsonObject stored = UserRepresentation.toJson(current, base, registry);
              // emails this integration set are its to replace (RFC 7644 §3.5.1); emails a member
              // brought from elsewhere stay until the identity provider names some
              boolean ours =
                  current
                      .member()
                      .managedBy()
                      .filter(principal().integrationId()::equals)
                      .isPresent();
              return UserRepresentation.fromValidated(
                  ResourceValidator.validateForReplace(
                      ours ? replacement : UserRepresentation.keepingEmails(replacement, stored),
                      stored,
                      registry,
                      ResourceKind.USER),
                  registry);
            });
    return single(replaced, attributes, excludedAttributes);
  }

  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      String body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return recorded("patch", id, () -> patched(id, ifMatch, body, attributes, excludedAttributes));
  }

  private Response patched(
      String id, String ifMatch, String body, String attributes, String excludedAttributes) {
    JsonObject patch = JsonReading.object(body);
    SchemaRegistry registry = registry();
    PatchEngine engine = new PatchEngine(registry);
    String base = base();
    ProvisionedUser patched =
        users.patch(
            principal(),
            id,
            Preconditions.ifMatch(ifMatch),
            current ->
                UserRepresentation.toProfile(
                    engine.apply(
                        UserRepresentation.toJson(current, base, registry),
                        patch,
                        ResourceKind.USER),
                    engine.registry()));
    naming(patched.member().userName());
    return single(patched, attributes, excludedAttributes);
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return recorded(
        "delete",
        id,
        () -> {
          naming(users.delete(principal(), id, Preconditions.ifMatch(ifMatch)).userName());
          return Response.noContent().build();
        });
  }

  private Response single(ProvisionedUser user, String attributes, String excludedAttributes) {
    JsonObject json = UserRepresentation.toJson(user, base(), registry());
    return Response.ok(shown(projection(attributes, excludedAttributes), json))
        .tag(etag(user))
        .build();
  }

  /**
   * The representation as the projection shows it. A user's representation holds only attributes
   * returned by default, so the default projection is skipped (it is most requests, and the
   * costliest part of rendering a user).
   */
  private static JsonObject shown(AttributeProjection projection, JsonObject user) {
    return projection.isDefault() ? user : projection.apply(user);
  }

  private static jakarta.ws.rs.core.EntityTag etag(ProvisionedUser user) {
    return etag(user.member().version());
  }
}
