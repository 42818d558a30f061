package dev.rollcall.api;

import dev.rollcall.web.limits.Limits;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Unknown paths, wrong methods and unsupported media types, in the API's own JSON error format. */
@Provider
public class WebExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException exception) {
    if (Limits.exceeded(exception)) {
      return new ApiExceptionMapper().toResponse(exception);
    }
    int status = exception.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String reason = type == null ? "Request failed" : type.getReasonPhrase();
    return ApiError.of(status, reason.toLowerCase(Locale.ROOT).replace(' ', '_'), reason);
  }
}
