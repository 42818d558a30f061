package dev.rollcall.scim;

import dev.rollcall.application.DatabaseFailures;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.domain.PreconditionFailedException;
import dev.rollcall.domain.RollcallException;
import dev.rollcall.domain.TransientFailureException;
import dev.rollcall.query.UnsupportedFilterException;
import dev.rollcall.scim.filter.InvalidFilterException;
import dev.rollcall.scim.filter.InvalidPathException;
import dev.rollcall.scim.patch.ScimPatchException;
import dev.rollcall.scim.schema.ScimType;
import dev.rollcall.scim.validation.ScimValidationException;
import dev.rollcall.web.Causes;
import dev.rollcall.web.RequestIds;
import dev.rollcall.web.limits.BodyTooLargeException;
import dev.rollcall.web.limits.RateLimitedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place SCIM failures become RFC 7644 error responses; unexpected ones are logged, not
 * shown.
 */
@Provider
public class ScimExceptionMapper implements ExceptionMapper<Exception> {
  private static final Logger LOG = Logger.getLogger(ScimExceptionMapper.class.getName());

  /** Seconds a client waits before sending a request again after a transient failure. */
  public static final String RETRY_AFTER_SECONDS = "1";

  @Override
  public Response toResponse(Exception exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof BodyTooLargeException tooLarge) {
      return ScimError.of(413, null, tooLarge.getMessage());
    }
    if (cause instanceof RateLimitedException limited) {
      return Response.fromResponse(ScimError.of(429, null, limited.getMessage()))
          .header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds())
          .build();
    }
    if (cause instanceof ScimException scim) {
      return ScimError.of(scim.status(), scim.scimType(), scim.getMessage());
    }
    if (cause instanceof ScimPatchException patch) {
      return ScimError.of(400, patch.scimType(), patch.getMessage());
    }
    if (cause instanceof ScimValidationException invalid) {
      return ScimError.of(400, invalid.scimType(), invalid.getMessage());
    }
    if (cause instanceof UnsupportedFilterException unsupported) {
      return ScimError.of(400, ScimType.INVALID_FILTER.value(), unsupported.getMessage());
    }
    if (cause instanceof InvalidFilterException filter) {
      return ScimError.of(400, ScimType.INVALID_FILTER.value(), filter.getMessage());
    }
    if (cause instanceof InvalidPathException path) {
      return ScimError.of(400, ScimType.INVALID_PATH.value(), path.getMessage());
    }
    if (cause instanceof PreconditionFailedException) {
      return ScimError.of(412, null, cause.getMessage());
    }
    if (cause instanceof NotFoundException) {
      return ScimError.of(404, null, cause.getMessage());
    }
    if (cause instanceof ConflictException) {
      return ScimError.of(409, ScimType.UNIQUENESS.value(), cause.getMessage());
    }
    if (cause instanceof PermissionDeniedException) {
      return ScimError.of(403, null, cause.getMessage());
    }
    if (cause instanceof AuthenticationException) {
      return ScimError.of(401, null, cause.getMessage());
    }
    if (cause instanceof InvalidRequestException) {
      return ScimError.of(400, ScimType.INVALID_VALUE.value(), cause.getMessage());
    }
    if (cause instanceof OptimisticLockException) {
      return ScimError.of(412, null, "The resource was changed concurrently; read it again");
    }
    if (cause instanceof TransientFailureException
        || DatabaseFailures.classify(exception).isTransient()) {
      LOG.log(
          Level.WARNING,
          "Transient database failure, answered 503, request id "
              + RequestIds.current().orElse("none"),
          exception);
      return unavailable();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(
        Level.SEVERE,
        "Unexpected SCIM failure, incident "
            + incident
            + ", request id "
            + RequestIds.current().orElse("none"),
        cause);
    return ScimError.of(
        500, null, "The server failed to process the request (incident " + incident + ")");
  }

  /** 503 with {@code Retry-After}: the database failed for now; the request changed nothing. */
  static Response unavailable() {
    return Response.fromResponse(
            ScimError.of(
                503,
                null,
                "The service could not complete the request this time; nothing was changed, send"
                    + " it again"))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }

  /** The failures this mapper answers, found beneath EJB and transaction wrappers. */
  static Throwable unwrap(Throwable exception) {
    return Causes.find(
        exception,
        t ->
            t instanceof RollcallException
                || t instanceof BodyTooLargeException
                || t instanceof RateLimitedException
                || t instanceof ScimException
                || t instanceof InvalidFilterException
                || t instanceof ScimPatchException
                || t instanceof ScimValidationException
                || t instanceof UnsupportedFilterException
                || t instanceof InvalidPathException
                || t instanceof OptimisticLockException);
  }
}
