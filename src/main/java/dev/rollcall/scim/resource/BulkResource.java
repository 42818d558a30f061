package dev.rollcall.scim.resource;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.config.ScimLocations;
import dev.rollcall.scim.ScimCaller;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.ScimExceptionMapper;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.schema.ScimType;
import dev.rollcall.web.limits.BodyLimit;
import dev.rollcall.web.limits.BulkPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7): each operation runs as its own request (its own transaction)
 * through the same code as the single-resource endpoints. {@code bulkId:} references are resolved
 * whatever the order of the operations; an operation whose reference never resolves fails with 409.
 * {@code failOnErrors} stops processing after that many errors.
 */
@Path("{orgId}/Bulk")
@ApplicationScoped
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class BulkResource {
  static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final Pattern REFERENCE = Pattern.compile("bulkId:([A-Za-z0-9._~-]+)");
  private static final Pattern RESOURCE_PATH =
      Pattern.compile("^/?(Users|Groups)(?:/([^/?#]+))?$", Pattern.CASE_INSENSITIVE);

  private final UsersResource users;
  private final GroupsResource groups;
  private final ScimCaller caller;
  private final ScimLocations locations;
  private final ScimExceptionMapper errors = new ScimExceptionMapper();

  @Inject
  public BulkResource(
      UsersResource users, GroupsResource groups, ScimCaller caller, ScimLocations locations) {
    this.users = users;
    this.groups = groups;
    this.caller = caller;
    this.locations = locations;
  }

  public BulkResource() {
    this(null, null, null, null);
  }

  /** One operation of the request, with what is known of it as processing goes on. */
  private static final class Operation {
    final int index;
    final JsonObject request;
    JsonObject result;

    Operation(int index, JsonObject request) {
      this.index = index;
      this.request = request;
    }
  }

  /** The body is limited while it is read, to the advertised maxPayloadSize ({@link BodyLimit}). */
  @POST
  @BulkPayload
  public Response bulk(String body) {
    // recorded as one event once answered; each operation commits in its own transaction
    caller.inBulk();
    JsonObject request = JsonReading.object(body);
    JsonArray operations =
        JsonReading.get(request, "Operations")
            .filter(v -> v instanceof JsonArray)
            .map(JsonValue::asJsonArray)
            .orElseThrow(
                () ->
                    ScimException.badRequest(
                        ScimType.INVALID_SYNTAX, "Operations must be an array"));
    if (operations.size() > ServiceProviderConfigs.BULK_MAX_OPERATIONS) {
      throw new ScimException(
          413,
          null,
          "A bulk request may carry at most "
              + ServiceProviderConfigs.BULK_MAX_OPERATIONS
              + " operations");
    }
    int failOnErrors =
        JsonReading.get(request, "failOnErrors")
            .map(v -> v instanceof JsonNumber n ? n.intValue() : -1)
            .filter(n -> n > 0)
            .orElse(Integer.MAX_VALUE);

    List<Operation> pending = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      if (!(operations.get(i) instanceof JsonObject operation)) {
        throw ScimException.badRequest(
            ScimType.INVALID_SYNTAX, "Operations[" + i + "] must be an object");
      }
      pending.add(new Operation(i, operation));
    }
    List<Operation> all = List.copyOf(pending);
    Map<String, String> createdIds = new HashMap<>();
    int errorCount = 0;
    boolean progress = true;
    while (!pending.isEmpty() && progress && errorCount < failOnErrors) {
      progress = false;
      for (var iterator = pending.iterator(); iterator.hasNext() && errorCount < failOnErrors; ) {
        Operation operation = iterator.next();
        if (!unresolved(operation.request, createdIds).isEmpty()) {
          continue;
        }
        iterator.remove();
        progress = true;
        operation.result = execute(operation.request, createdIds);
        if (isError(operation.result)) {
          errorCount++;
        }
      }
    }
    if (errorCount < failOnErrors) {
      for (Operation operation : pending) {
        operation.result =
            failure(
                operation.request,
                ScimException.badRequest(
                    ScimType.INVALID_VALUE,
                    "Unresolved bulkId reference(s): " + unresolved(operation.request, createdIds)),
                409);
      }
    }
    JsonArrayBuilder results = JSON.createArrayBuilder();
    all.stream().filter(o -> o.result != null).forEach(o -> results.add(o.result));
    return Response.ok(
            JSON.createObjectBuilder()
                .add("schemas", JSON.createArrayBuilder().add(RESPONSE_SCHEMA))
                .add("Operations", results)
                .build())
        .build();
  }

  private JsonObject execute(JsonObject operation, Map<String, String> createdIds) {
    try {
      String method =
          string(operation, "method")
              .map(m -> m.toUpperCase(Locale.ROOT))
              .orElseThrow(
                  () -> ScimException.badRequest(ScimType.INVALID_SYNTAX, "method is required"));
      String path =
          string(operation, "path")
              .map(p -> resolve(p, createdIds))
              .orElseThrow(
                  () -> ScimException.badRequest(ScimType.INVALID_SYNTAX, "path is required"));
      Matcher target = RESOURCE_PATH.matcher(path);
      if (!target.matches()) {
        throw ScimException.badRequest(
            ScimType.INVALID_PATH, "path must be /Users, /Groups or one of their resources");
      }
      boolean isUsers = target.group(1).equalsIgnoreCase("Users");
      String id = target.group(2);
      String version = string(operation, "version").orElse(null);
      String data =
          JsonReading.get(operation, "data")
              .map(v -> resolve(v.toString(), createdIds))
              .orElse(null);
      Optional<String> bulkId = string(operation, "bulkId");
      if (method.equals("POST") && bulkId.isEmpty()) {
        throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "POST operations need a bulkId");
      }
      if (!method.equals("POST") && id == null) {
        throw ScimException.badRequest(
            ScimType.INVALID_PATH, method + " needs the path of one resource");
      }
      Response response =
          switch (method) {
            case "POST" ->
                isUsers ? users.create(data, null, null) : groups.create(data, null, null);
            case "PUT" ->
                isUsers
                    ? users.replace(id, version, data, null, null)
                    : groups.replace(id, version, data, null, null);
            case "PATCH" ->
                isUsers
                    ? users.patch(id, version, data, null, null)
                    : groups.patch(id, version, data, null, null);
            case "DELETE" -> isUsers ? users.delete(id, version) : groups.delete(id, version);
            default ->
                throw ScimException.badRequest(
                    ScimType.INVALID_SYNTAX, "method must be POST, PUT, PATCH or DELETE");
          };
      String location = null;
      if (response.getEntity() instanceof JsonObject resource && resource.containsKey("id")) {
        String created = resource.getString("id");
        bulkId.ifPresent(b -> createdIds.put(b, created));
        location =
            locations.base(caller.principal().organizationId())
                + "/"
                + target.group(1)
                + "/"
                + created;
      } else if (id != null) {
        location =
            locations.base(caller.principal().organizationId()) + "/" + target.group(1) + "/" + id;
      }
      JsonObjectBuilder result = JSON.createObjectBuilder().add("method", method);
      bulkId.ifPresent(b -> result.add("bulkId", b));
      if (response.getEntityTag() != null) {
        result.add("version", "W/\"" + response.getEntityTag().getValue() + "\"");
      }
      if (location != null && !method.equals("DELETE")) {
        result.add("location", location);
      }
      return result.add("status", Integer.toString(response.getStatus())).build();
    } catch (RuntimeException e) {
      return failure(operation, e, -1);
    }
  }

  private JsonObject failure(JsonObject operation, RuntimeException e, int status) {
    Response error = errors.toResponse(e);
    JsonObject body = (JsonObject) error.getEntity();
    JsonObjectBuilder result =
        JSON.createObjectBuilder().add("method", string(operation, "method").orElse(""));
    string(operation, "bulkId").ifPresent(b -> result.add("bulkId", b));
    int code = status > 0 ? status : error.getStatus();
    JsonObjectBuilder response =
        JSON.createObjectBuilder(body).add("status", Integer.toString(code));
    return result.add("status", Integer.toString(code)).add("response", response).build();
  }

  private static boolean isError(JsonObject result) {
    return Integer.parseInt(result.getString("status")) >= 400;
  }

  private static List<String> unresolved(JsonObject operation, Map<String, String> createdIds) {
    List<String> missing = new ArrayList<>();
    Matcher matcher = REFERENCE.matcher(operation.toString());
    while (matcher.find()) {
      if (!createdIds.containsKey(matcher.group(1))) {
        missing.add(matcher.group(1));
      }
    }
    return missing;
  }

  private static String resolve(String text, Map<String, String> createdIds) {
    return REFERENCE
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(createdIds.getOrDefault(m.group(1), m.group())));
  }

  private static Optional<String> string(JsonObject object, String name) {
    return JsonReading.get(object, name)
        .filter(v -> v instanceof JsonString)
        .map(v -> ((JsonString) v).getString());
  }
}
