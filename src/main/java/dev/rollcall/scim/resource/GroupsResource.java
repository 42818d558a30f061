package dev.rollcall.scim.resource;

import dev.rollcall.application.GroupProvisioning;
import dev.rollcall.application.GroupProvisioning.GroupChange;
import dev.rollcall.application.GroupProvisioning.ProvisionedGroup;
import dev.rollcall.application.config.ScimLocations;
import dev.rollcall.query.SearchPage;
import dev.rollcall.scim.ProvisioningEvents;
import dev.rollcall.scim.ScimCaller;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.patch.GroupPatch;
import dev.rollcall.scim.patch.MembershipChanges;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /Groups}: custom roles as SCIM groups. Members are loaded only when the response includes
 * them; a PATCH of members changes only the rows it names.
 */
@Path("{orgId}/Groups")
@ApplicationScoped
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class GroupsResource extends ScimResource {
  private static final String MEMBERS = "members";

  private final GroupProvisioning groups;

  @Inject
  public GroupsResource(
      GroupProvisioning groups,
      ScimCaller caller,
      ScimLocations locations,
      ScimSchemas schemas,
      ProvisioningEvents events) {
    super(caller, locations, schemas, events, ResourceKind.GROUP);
    this.groups = groups;
  }

  public GroupsResource() {
    this(null, null, null, null, null);
  }

  @Override
  JsonObject search(ListQuery query) {
    AttributeProjection projection = projection(query.attributes(), query.excludedAttributes());
    SearchPage<ProvisionedGroup> page =
        groups.search(
            query.filter(),
            query.sort(),
            query.startIndex(),
            query.count(),
            projection.includes(MEMBERS));
    String base = base();
    return ListResponse.of(
        page.total(),
        query.startIndex(),
        page.items().stream()
            .map(g -> projection.apply(GroupRepresentation.toJson(g, base)))
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
    var request =
        GroupRepresentation.toBody(naming(JsonReading.object(body), "displayName"), registry());
    ProvisionedGroup created =
        groups.create(
            principal(), request.displayName(), request.externalId(), request.memberIds());
    return Response.created(URI.create(base() + "/Groups/" + created.role().id()))
        .tag(etag(created))
        .entity(
            projection(attributes, excludedAttributes)
                .apply(GroupRepresentation.toJson(created, base())))
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    AttributeProjection projection = projection(attributes, excludedAttributes);
    ProvisionedGroup group = groups.get(id, projection.includes(MEMBERS));
    if (Preconditions.notModified(ifNoneMatch, group.role().version())) {
      return Response.notModified(etag(group)).build();
    }
    return single(group, projection);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      String body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    JsonObject replacement = naming(JsonReading.object(body), "displayName");
    SchemaRegistry registry = registry();
    AttributeProjection projection = projection(attributes, excludedAttributes);
    String base = base();
    // compared with the group without its members, which are never loaded for this
    Function<ProvisionedGroup, GroupChange> change =
        current -> {
          var request =
              GroupRepresentation.fromValidated(
                  ResourceValidator.validateForReplace(
                      replacement,
                      GroupRepresentation.toJson(current, base),
                      registry,
                      ResourceKind.GROUP));
          return GroupChange.replaceAll(
              request.displayName(), request.externalId(), request.memberIds());
        };
    // each try is a transaction of its own
    return RetryOnce.call(
        () ->
            recorded(
                "replace",
                id,
                () ->
                    single(
                        groups.patch(
                            principal(),
                            id,
                            change,
                            Preconditions.ifMatch(ifMatch),
                            projection.includes(MEMBERS)),
                        projection)));
  }

  /**
   * PATCH: member operations become row changes; other operations are applied to the group without
   * its members. Answers 204, or 200 with the group when attributes are asked for.
   */
  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      String body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    PatchEngine engine = new PatchEngine(registry());
    GroupPatch plan = engine.plan(JsonReading.object(body));
    boolean wantsBody = attributes != null || excludedAttributes != null;
    AttributeProjection projection = projection(attributes, excludedAttributes);
    String base = base();
    Function<ProvisionedGroup, GroupChange> change =
        current -> toChange(engine, plan, GroupRepresentation.toJson(current, base));
    // each try is a transaction of its own
    return RetryOnce.call(
        () ->
            recorded(
                "patch",
                id,
                () -> {
                  ProvisionedGroup patched =
                      groups.patch(
                          principal(),
                          id,
                          change,
                          Preconditions.ifMatch(ifMatch),
                          wantsBody && projection.includes(MEMBERS));
                  naming(patched.role().name());
                  return wantsBody
                      ? single(patched, projection)
                      : Response.noContent().tag(etag(patched)).build();
                }));
  }

  private static GroupChange toChange(PatchEngine engine, GroupPatch plan, JsonObject current) {
    Optional<String> displayName = Optional.empty();
    Optional<Optional<String>> externalId = Optional.empty();
    if (plan.hasOtherOperations()) {
      JsonObject changed = engine.apply(current, plan);
      var body = GroupRepresentation.toBody(changed, engine.registry());
      displayName = Optional.of(body.displayName());
      externalId = Optional.of(Optional.ofNullable(body.externalId()));
    }
    MembershipChanges members = plan.membershipChanges();
    return new GroupChange(
        displayName, externalId, members.replaceAll(), members.removed(), members.added());
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return recorded(
        "delete",
        id,
        () -> {
          naming(groups.delete(id, Preconditions.ifMatch(ifMatch)).name());
          return Response.noContent().build();
        });
  }

  private Response single(ProvisionedGroup group, AttributeProjection projection) {
    return Response.ok(projection.apply(GroupRepresentation.toJson(group, base())))
        .tag(etag(group))
        .build();
  }

  private static EntityTag etag(ProvisionedGroup group) {
    return etag(group.role().version());
  }
}
