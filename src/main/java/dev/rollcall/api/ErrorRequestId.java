package dev.rollcall.api;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.web.RequestIds;
import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every error of the operator and statement APIs ends its {@code message} with the request id
 * ({@code ... (request id 5f0c...)}), the one the {@code X-Request-Id} header carries; the body
 * keeps its fields.
 */
@Provider
@Priority(Priorities.USER)
public class ErrorRequestId implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400
        || !(response.getEntity() instanceof JsonObject error)
        || !(error.get("message") instanceof jakarta.json.JsonString message)) {
      return;
    }
    String id =
        request.getProperty(RequestIds.ATTRIBUTE) instanceof String attribute
            ? attribute
            : RequestIds.current().orElse(null);
    if (id != null) {
      response.setEntity(
          JSON.createObjectBuilder(error)
              .add("message", message.getString() + " (request id " + id + ")")
              .build());
    }
  }
}
