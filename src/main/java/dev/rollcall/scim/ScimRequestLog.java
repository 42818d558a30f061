package dev.rollcall.scim;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.web.RequestIds;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Once a SCIM request's answer is known: records it in the provisioning log when a known
 * integration made it and it failed, or was a bulk request, or changed something its write did not
 * record already ({@link ProvisioningEvents}; successful reads are not recorded); and adds the
 * request id to an error's {@code detail}. One insert, in a transaction of its own. Requests
 * refused before their token is looked up (no token, an unknown one, 429) name no integration and
 * are not recorded: writing a row for each would let a client that floods the server write to the
 * database.
 */
@Provider
@Priority(Priorities.USER)
@ApplicationScoped
public class ScimRequestLog implements ContainerResponseFilter {
  private final ProvisioningEvents events;

  @Inject
  public ScimRequestLog(ProvisioningEvents events) {
    this.events = events;
  }

  public ScimRequestLog() {
    this(null);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String requestId = requestId(request);
    int status = response.getStatus();
    events.answered(
        ProvisioningEvents.Request.of(request.getMethod(), request.getUriInfo().getPathSegments()),
        status,
        response.getEntity(),
        response.getLocation(),
        requestId);
    JsonObject error =
        status >= 400 && response.getEntity() instanceof JsonObject body ? body : null;
    String detail = error == null ? null : error.getString("detail", null);
    if (detail != null && requestId != null) {
      response.setEntity(
          JSON.createObjectBuilder(error)
              .add("detail", detail + " (request id " + requestId + ")")
              .build());
    }
  }

  private static String requestId(ContainerRequestContext request) {
    return request.getProperty(RequestIds.ATTRIBUTE) instanceof String id
        ? id
        : RequestIds.current().orElse(null);
  }
}
