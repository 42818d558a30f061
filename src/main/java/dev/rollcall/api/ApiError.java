package dev.rollcall.api;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.web.BearerEntry;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The statement and operator APIs' error body: {@code {"status", "error", "message"}}, plus the
 * position for syntax errors. The message names what was wrong; nothing internal is ever in it.
 */
public final class ApiError {
  private ApiError() {}

  public static Response of(Response.Status status, String error, String message) {
    return build(status.getStatusCode(), base(status.getStatusCode(), error, message));
  }

  public static Response of(int status, String error, String message) {
    return build(status, base(status, error, message));
  }

  /** How the statement and operator APIs refuse a bearer token. */
  static final BearerEntry.Refusals REFUSALS =
      new BearerEntry.Refusals() {
        @Override
        public Response unauthorized(String message) {
          return Response.fromResponse(of(Response.Status.UNAUTHORIZED, "unauthorized", message))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build();
        }

        @Override
        public Response forbidden(String message) {
          return of(Response.Status.FORBIDDEN, "permission_denied", message);
        }
      };

  public static Response syntax(String message, int line, int column) {
    JsonObjectBuilder body =
        base(400, "syntax_error", message).add("line", line).add("column", column);
    return build(400, body);
  }

  private static JsonObjectBuilder base(int status, String error, String message) {
    return JSON.createObjectBuilder()
        .add("status", status)
        .add("error", error)
        .add("message", message);
  }

  private static Response build(int status, JsonObjectBuilder body) {
    JsonObject json = body.build();
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
  }
}
