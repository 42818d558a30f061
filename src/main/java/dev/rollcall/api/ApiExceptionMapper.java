package dev.rollcall.api;

import dev.rollcall.application.DatabaseFailures;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.domain.PreconditionFailedException;
import dev.rollcall.domain.RollcallException;
import dev.rollcall.domain.TransientFailureException;
import dev.rollcall.statement.StatementSyntaxException;
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

/** Every failure of the operator and statement APIs leaves here, as {@link ApiError} JSON. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Exception> {
  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  /** Seconds a client waits before sending a request again after a transient failure. */
  static final String RETRY_AFTER_SECONDS = "1";

  @Override
  public Response toResponse(Exception exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof BodyTooLargeException tooLarge) {
      return ApiError.of(413, "payload_too_large", tooLarge.getMessage());
    }
    if (cause instanceof RateLimitedException limited) {
      return Response.fromResponse(ApiError.of(429, "too_many_requests", limited.getMessage()))
          .header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds())
          .build();
    }
    if (cause instanceof StatementSyntaxException syntax) {
      return ApiError.syntax(syntax.getMessage(), syntax.line(), syntax.column());
    }
    if (cause instanceof TransientFailureException
        || (!(cause instanceof RollcallException)
            && DatabaseFailures.classify(exception).isTransient())) {
      LOG.log(
          Level.WARNING,
          "Transient database failure, answered 503, request id "
              + RequestIds.current().orElse("none"),
          exception);
      return Response.fromResponse(
              ApiError.of(
                  Response.Status.SERVICE_UNAVAILABLE,
                  "unavailable",
                  "The service could not complete the request this time; nothing was changed,"
                      + " send it again"))
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    if (cause instanceof RollcallException domain) {
      return forDomain(domain);
    }
    if (cause instanceof OptimisticLockException) {
      return ApiError.of(
          Response.Status.CONFLICT, "conflict", "The object was changed concurrently; try again");
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(
        Level.SEVERE,
        "Unexpected failure, incident "
            + incident
            + ", request id "
            + RequestIds.current().orElse("none"),
        cause);
    return ApiError.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "internal_error",
        "The server failed to process the request (incident " + incident + ")");
  }

  private static Response forDomain(RollcallException exception) {
    String message = exception.getMessage();
    if (exception instanceof NotFoundException) {
      return ApiError.of(Response.Status.NOT_FOUND, "not_found", message);
    }
    if (exception instanceof ConflictException
        || exception instanceof PreconditionFailedException) {
      return ApiError.of(Response.Status.CONFLICT, "conflict", message);
    }
    if (exception instanceof PermissionDeniedException) {
      return ApiError.of(Response.Status.FORBIDDEN, "permission_denied", message);
    }
    if (exception instanceof AuthenticationException) {
      return Response.fromResponse(
              ApiError.of(Response.Status.UNAUTHORIZED, "unauthorized", message))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .build();
    }
    if (exception instanceof InvalidRequestException) {
      return ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", message);
    }
    return ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", message);
  }

  /** The failures this mapper answers, found beneath EJB and transaction wrappers. */
  static Throwable unwrap(Throwable exception) {
    return Causes.find(
        exception,
        t ->
            t instanceof RollcallException
                || t instanceof OptimisticLockException
                || t instanceof BodyTooLargeException
                || t instanceof RateLimitedException);
  }
}
