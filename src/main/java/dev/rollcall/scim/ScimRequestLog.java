package dev.rollcall.scim;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.ProvisioningLog;
import dev.rollcall.domain.activity.ProvisioningEvent;
import dev.rollcall.web.RequestIds;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a SCIM request's answer is known: records it in the provisioning log when a known
 * integration made it and it changed something or failed (successful reads are not recorded), and
 * adds the request id to an error's {@code detail}. One insert, in a transaction of its own (see
 * {@link ProvisioningLog#record}). Requests refused before their token is looked up (no token, an
 * unknown one, 429) name no integration and are not recorded: writing a row for each would let a
 * client that floods the server write to the database.
 */
@Provider
@Priority(Priorities.USER)
@ApplicationScoped
public class ScimRequestLog implements ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger(ScimRequestLog.class.getName());

  private final ScimCaller caller;
  private final ProvisioningLog log;

  @Inject
  public ScimRequestLog(ScimCaller caller, ProvisioningLog log) {
    this.caller = caller;
    this.log = log;
  }

  public ScimRequestLog() {
    this(null, null);
  }

  /** What a request was, from its method and path (relative to {@code /scim/v2}). */
  record Request(String operation, String resourceType, String resourceId) {
    boolean changes() {
      return !operation.equals("read");
    }

    static Request of(String method, List<PathSegment> path) {
      String collection = path.size() > 1 ? path.get(1).getPath() : "";
      String id = path.size() > 2 ? path.get(2).getPath() : null;
      String type =
          switch (collection) {
            case "Users" -> "User";
            case "Groups" -> "Group";
            case "Bulk" -> "Bulk";
            default -> collection.isEmpty() ? null : collection;
          };
      if (".search".equals(id) || ".search".equals(collection)) {
        return new Request("read", ".search".equals(collection) ? null : type, null);
      }
      String operation =
          switch (method.toUpperCase(Locale.ROOT)) {
            case "POST" -> "Bulk".equals(type) ? "bulk" : id == null ? "create" : "read";
            case "PUT" -> "replace";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "read";
          };
      return new Request(operation, type, id);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String requestId = requestId(request);
    int status = response.getStatus();
    JsonObject error =
        status >= 400 && response.getEntity() instanceof JsonObject body ? body : null;
    String detail = error == null ? null : error.getString("detail", null);
    Request what = Request.of(request.getMethod(), request.getUriInfo().getPathSegments());
    if (what.changes() || status >= 400) {
      record(what, status, error, detail, response, requestId);
    }
    if (detail != null && requestId != null) {
      response.setEntity(
          JSON.createObjectBuilder(error)
              .add("detail", detail + " (request id " + requestId + ")")
              .build());
    }
  }

  private void record(
      Request what,
      int status,
      JsonObject error,
      String detail,
      ContainerResponseContext response,
      String requestId) {
    String integrationId;
    String integrationName;
    if (caller.identified().isPresent()) {
      integrationId = caller.identified().get().integrationId();
      integrationName = caller.identified().get().integrationName();
    } else if (caller.refusal().isPresent()) {
      integrationId = caller.refusal().get().integration().id();
      integrationName = caller.refusal().get().integration().name();
    } else {
      return;
    }
    JsonObject body = response.getEntity() instanceof JsonObject json ? json : null;
    boolean bulk = what.operation().equals("bulk");
    String resourceId = what.resourceId();
    String target = bulk ? null : caller.target().orElse(null);
    if (status < 400 && body != null && !bulk) {
      resourceId = resourceId != null ? resourceId : string(body, "id");
      target = target != null ? target : name(body);
    }
    if (resourceId == null && response.getLocation() != null) {
      resourceId = lastSegment(response.getLocation());
    }
    String shown = bulk && status < 400 && body != null ? bulkSummary(body) : detail;
    try {
      log.record(
          new ProvisioningLog.Entry(
              integrationId,
              integrationName,
              what.operation(),
              what.resourceType(),
              resourceId,
              target,
              new ProvisioningEvent.Outcome(
                  status, error == null ? null : error.getString("scimType", null), shown),
              requestId == null ? "none" : requestId));
    } catch (RuntimeException e) {
      // the answer stands whatever becomes of its log entry
      LOG.log(
          Level.WARNING,
          "Could not record a provisioning event, request id " + requestId + ": " + e.getClass());
    }
  }

  private static String requestId(ContainerRequestContext request) {
    return request.getProperty(RequestIds.ATTRIBUTE) instanceof String id
        ? id
        : RequestIds.current().orElse(null);
  }

  private static String name(JsonObject body) {
    String userName = string(body, "userName");
    return userName != null ? userName : string(body, "displayName");
  }

  private static String string(JsonObject body, String attribute) {
    return body.get(attribute) instanceof JsonString value ? value.getString() : null;
  }

  private static String lastSegment(URI location) {
    String path = location.getPath();
    return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
  }

  /** {@code 3 operations, 1 failed}. */
  private static String bulkSummary(JsonObject body) {
    var operations = body.getJsonArray("Operations");
    if (operations == null) {
      return null;
    }
    long failed =
        operations.stream()
            .filter(op -> op.getValueType() == JsonValue.ValueType.OBJECT)
            .map(op -> string(op.asJsonObject(), "status"))
            .filter(s -> s != null && !s.isEmpty() && s.charAt(0) >= '4')
            .count();
    return operations.size() + " operations, " + failed + " failed";
  }
}
