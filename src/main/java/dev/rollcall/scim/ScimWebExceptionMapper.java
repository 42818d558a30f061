package dev.rollcall.scim;

import dev.rollcall.web.limits.Limits;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown endpoints, wrong methods and media types, as SCIM errors. */
@Provider
public class ScimWebExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException exception) {
    if (Limits.exceeded(exception)) {
      return new ScimExceptionMapper().toResponse(exception);
    }
    int status = exception.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    return ScimError.of(status, null, type == null ? "Request failed" : type.getReasonPhrase());
  }
}
