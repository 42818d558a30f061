package dev.rollcall.api;

import dev.rollcall.application.Secrets;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.web.BearerEntry;
import dev.rollcall.web.BearerToken;
import dev.rollcall.web.limits.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
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
  private final BearerEntry entry;
  private final RequestLimits limits;

  @Inject
  public OperatorAuthentication(
      @ConfigProperty(name = "rollcall.operator.token") Optional<String> operatorToken,
      BearerEntry entry,
      RequestLimits limits) {
    this.operatorTokenHash = operatorToken.filter(t -> !t.isBlank()).map(Secrets::hash);
    this.entry = entry;
    this.limits = limits;
  }

  public OperatorAuthentication() {
    this.operatorTokenHash = Optional.empty();
    this.entry = null;
    this.limits = null;
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
    Optional<String> hash = BearerToken.from(request).map(Secrets::hash);
    // the operator token is held to the API tokens' rate, and guesses to the client's budget
    entry.admit(
        request,
        limits.api(),
        "operator:" + hash.orElse(""),
        () -> {
          if (!hash.map(h -> Secrets.sameHash(h, operatorTokenHash.get())).orElse(false)) {
            throw new AuthenticationException(
                "A valid operator token is required (Authorization: Bearer <token>)");
          }
        },
        ApiError.REFUSALS);
  }
}
