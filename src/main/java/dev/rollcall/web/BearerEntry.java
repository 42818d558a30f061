package dev.rollcall.web;

import dev.rollcall.application.Secrets;
import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.PermissionDeniedException;
import dev.rollcall.web.limits.Admission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The steps every bearer-token entry shares, whatever the protocol: read the token, enter the
 * organization named in the path, hold the token to its rate (an unknown one to its client's
 * failed-authentication budget) before anything is read, authenticate, and answer a refusal in the
 * caller's own error format. The filters of each API choose the admission, the authentication and
 * the format.
 */
@ApplicationScoped
public class BearerEntry {
  /** The path parameter that names the organization. */
  public static final String ORGANIZATION_PARAMETER = "orgId";

  /** How a protocol answers a refused request. */
  public interface Refusals {
    /** 401: no token, or one that is not valid here. */
    Response unauthorized(String message);

    /** 403: a valid token whose holder may not use this API. */
    Response forbidden(String message);
  }

  /**
   * Identifies the caller by the token, within the organization already entered; throws {@link
   * AuthenticationException} for a token that is not valid there and {@link
   * PermissionDeniedException} for one whose holder may not use the API.
   */
  @FunctionalInterface
  public interface Authenticator {
    void authenticate(String organizationId, String secret);
  }

  private final TenantContext tenant;
  private final HttpServletRequest servletRequest;

  @Inject
  public BearerEntry(TenantContext tenant, HttpServletRequest servletRequest) {
    this.tenant = tenant;
    this.servletRequest = servletRequest;
  }

  public BearerEntry() {
    this(null, null);
  }

  /**
   * Enters the organization in the path and authenticates the bearer token within it; a missing
   * organization or token is answered 401 with {@code missingToken}.
   */
  public void enter(
      ContainerRequestContext request,
      Admission admission,
      String missingToken,
      Authenticator authenticator,
      Refusals refusals) {
    String organizationId =
        request.getUriInfo().getPathParameters().getFirst(ORGANIZATION_PARAMETER);
    Optional<String> secret = BearerToken.from(request);
    if (organizationId == null || secret.isEmpty()) {
      request.abortWith(refusals.unauthorized(missingToken));
      return;
    }
    tenant.enter(organizationId);
    admit(
        request,
        admission,
        organizationId + ":" + Secrets.hash(secret.get()),
        () -> authenticator.authenticate(organizationId, secret.get()),
        refusals);
  }

  /**
   * Admits the request under {@code key} before {@code authenticate} reads anything, then tells the
   * admission whether the token was accepted: a refused one counts against the client's
   * failed-authentication budget, a forbidden one does not.
   */
  public void admit(
      ContainerRequestContext request,
      Admission admission,
      String key,
      Runnable authenticate,
      Refusals refusals) {
    Admission.Ticket ticket = admission.admit(key, servletRequest.getRemoteAddr());
    try {
      authenticate.run();
      ticket.accepted();
    } catch (AuthenticationException e) {
      ticket.refused();
      request.abortWith(refusals.unauthorized(e.getMessage()));
    } catch (PermissionDeniedException e) {
      ticket.accepted();
      request.abortWith(refusals.forbidden(e.getMessage()));
    }
  }
}
