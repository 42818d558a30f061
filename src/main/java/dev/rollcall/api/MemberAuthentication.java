package dev.rollcall.api;

import dev.rollcall.application.ApiTokenService;
import dev.rollcall.application.Secrets;
import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.web.BearerToken;
import dev.rollcall.web.limits.Admission;
import dev.rollcall.web.limits.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Enters the organization named in the path and identifies the member by their API token, looked up
 * by hash within that organization only: a token of another organization is simply unknown here.
 */
@Provider
@MemberOnly
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class MemberAuthentication implements ContainerRequestFilter {
  static final String ORGANIZATION_PARAMETER = "orgId";

  private final TenantContext tenant;
  private final ApiTokenService tokens;
  private final Caller caller;
  private final RequestLimits limits;
  private final HttpServletRequest servletRequest;

  @Inject
  public MemberAuthentication(
      TenantContext tenant,
      ApiTokenService tokens,
      Caller caller,
      RequestLimits limits,
      HttpServletRequest servletRequest) {
    this.tenant = tenant;
    this.tokens = tokens;
    this.caller = caller;
    this.limits = limits;
    this.servletRequest = servletRequest;
  }

  public MemberAuthentication() {
    this(null, null, null, null, null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String organizationId =
        request.getUriInfo().getPathParameters().getFirst(ORGANIZATION_PARAMETER);
    var secret = BearerToken.from(request);
    if (organizationId == null || secret.isEmpty()) {
      request.abortWith(unauthorized("An API token is required (Authorization: Bearer <token>)"));
      return;
    }
    tenant.enter(organizationId);
    // before the token is looked up: its rate, or for an unknown token its client's budget
    Admission.Ticket ticket =
        limits
            .api()
            .admit(
                organizationId + ":" + Secrets.hash(secret.get()), servletRequest.getRemoteAddr());
    try {
      caller.identify(tokens.authenticate(secret.get()).id());
      ticket.accepted();
    } catch (AuthenticationException e) {
      ticket.refused();
      request.abortWith(unauthorized(e.getMessage()));
    }
  }

  private static Response unauthorized(String message) {
    return Response.fromResponse(ApiError.of(Response.Status.UNAUTHORIZED, "unauthorized", message))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }
}
