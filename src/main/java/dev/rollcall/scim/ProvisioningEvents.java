package dev.rollcall.scim;

import dev.rollcall.application.ProvisioningLog;
import dev.rollcall.domain.activity.ProvisioningEvent;
import dev.rollcall.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the provisioning log records of a SCIM request a known integration made: who called, what
 * the request did and how it ended. A successful write of {@code /Users} or {@code /Groups} records
 * its event in its own transaction ({@link #recorded}), so the change and its event commit
 * together, once. Whatever that leaves, {@link ScimRequestLog} records once the answer is known
 * ({@link #answered}), in a transaction of its own: failures (their transaction rolled back,
 * refused calls had none) and bulk requests (one event for the request, whose operations each
 * commit alone).
 */
@ApplicationScoped
public class ProvisioningEvents {
  private static final Logger LOG = Logger.getLogger(ProvisioningEvents.class.getName());

  private final ScimCaller caller;
  private final ProvisioningLog log;

  @Inject
  public ProvisioningEvents(ScimCaller caller, ProvisioningLog log) {
    this.caller = caller;
    this.log = log;
  }

  public ProvisioningEvents() {
    this(null, null);
  }

  /**
   * What a request was, from its method and path (relative to {@code /scim/v2}); {@code resourceId}
   * is the one the path names.
   */
  public record Request(String operation, String resourceType, String resourceId) {
    boolean changes() {
      return !operation.equals("read");
    }

    boolean bulk() {
      return operation.equals("bulk");
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

  /**
   * Runs a write (the service call and the answer made from its result) and records its event, in
   * one transaction: if either fails, neither is kept, and {@link ScimRequestLog} records the
   * failure. An operation of a bulk request is only run: its own transaction commits it, and the
   * bulk request is recorded as a whole.
   */
  public Response recorded(Request what, Supplier<Response> write) {
    if (caller.isBulk()) {
      return write.get();
    }
    String requestId = RequestIds.current().orElse(null);
    Response response =
        log.recording(
            write,
            written ->
                entry(
                    what,
                    written.getStatus(),
                    written.getEntity(),
                    written.getLocation(),
                    requestId));
    caller.recorded();
    return response;
  }

  /**
   * Records a request once its answer is known, unless it changed nothing and succeeded (reads are
   * not recorded) or its event is recorded already; in a transaction of its own. The answer stands
   * whatever becomes of its event.
   */
  void answered(Request what, int status, Object entity, URI location, String requestId) {
    if (caller.isRecorded() || !(what.changes() || status >= 400)) {
      return;
    }
    try {
      entry(what, status, entity, location, requestId).ifPresent(log::record);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not record a provisioning event, request id " + requestId + ": " + e.getClass());
    }
  }

  /**
   * The event of a request with its answer; none when no known integration made it. The target is
   * the name the request's body gave, else the one its answer shows; the resource id the one its
   * path names, else its answer's or its {@code Location}'s.
   */
  private Optional<ProvisioningLog.Entry> entry(
      Request what, int status, Object entity, URI location, String requestId) {
    String integrationId;
    String integrationName;
    if (caller.identified().isPresent()) {
      integrationId = caller.identified().get().integrationId();
      integrationName = caller.identified().get().integrationName();
    } else if (caller.refusal().isPresent()) {
      integrationId = caller.refusal().get().integration().id();
      integrationName = caller.refusal().get().integration().name();
    } else {
      return Optional.empty();
    }
    JsonObject body = entity instanceof JsonObject json ? json : null;
    JsonObject error = status >= 400 ? body : null;
    String detail = error == null ? null : error.getString("detail", null);
    boolean bulk = what.bulk();
    String resourceId = what.resourceId();
    String target = bulk ? null : caller.target().orElse(null);
    if (status < 400 && body != null && !bulk) {
      resourceId = resourceId != null ? resourceId : string(body, "id");
      target = target != null ? target : name(body);
    }
    if (resourceId == null && location != null) {
      resourceId = lastSegment(location);
    }
    String shown = bulk && status < 400 && body != null ? bulkSummary(body) : detail;
    return Optional.of(
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
