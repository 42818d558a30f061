package dev.rollcall.api;

import dev.rollcall.application.Secrets;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets only the platform operator through: the bearer token must equal {@code
 * rollcall.operator.token} (environment {@code ROLLCALL_OPERATOR_TOKEN}), compared in constant
 * time. Without a configured token the operator API is closed.
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class OperatorAuthentication implements ContainerRequestFilter {
  private final Optional<String> operatorTokenHash;

  @Inject
  public OperatorAuthentication(
      @ConfigProperty(name = "rollcall.operator.token") Optional<String> operatorToken) {
    this.operatorTokenHash = operatorToken.filter(t -> !t.isBlank()).map(Secrets::hash);
  }

  public OperatorAuthentication() {
    this.operatorTokenHash = Optional.empty();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (operatorTokenHash.isEmpty()) {
      request.abortWith(
          ApiError.of(
              Response.Status.FORBIDDEN,
              "operator_api_disabled",
              "The operator API is disabled: start the server with ROLLCALL_OPERATOR_TOKEN set"));
      return;
    }
    boolean valid =
        BearerToken.from(request)
            .map(Secrets::hash)
            .map(hash -> Secrets.sameHash(hash, operatorTokenHash.get()))
            .orElse(false);
    if (!valid) {
      request.abortWith(
          Response.fromResponse(
                  ApiError.of(
                      Response.Status.UNAUTHORIZED,
                      "unauthorized",
                      "A valid operator token is required (Authorization: Bearer <token>)"))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build());
    }
  }
}
