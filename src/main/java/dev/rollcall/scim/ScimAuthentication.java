package dev.rollcall.scim;

import dev.rollcall.application.ScimPrincipals;
import dev.rollcall.application.Secrets;
import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.PermissionDeniedException;
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
 * Every SCIM request: enter the organization in the path, then find the integration by the hash of
 * the bearer token within that organization only. A token of another organization, or a renewed,
 * dropped or expired one, is 401; an integration whose run-as role lost MANAGE_MEMBERS, or is or
 * inherits a built-in role, is 403. Accepted tokens are remembered for a few seconds ({@link
 * ScimPrincipals}). Each token is held to its rate, and unknown tokens to their client's
 * failed-authentication budget, before the database is read ({@link Admission}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ScimAuthentication implements ContainerRequestFilter {
  static final String ORGANIZATION_PARAMETER = "orgId";

  private final TenantContext tenant;
  private final ScimPrincipals principals;
  private final ScimCaller caller;
  private final RequestLimits limits;
  private final HttpServletRequest servletRequest;

  @Inject
  public ScimAuthentication(
      TenantContext tenant,
      ScimPrincipals principals,
      ScimCaller caller,
      RequestLimits limits,
      HttpServletRequest servletRequest) {
    this.tenant = tenant;
    this.principals = principals;
    this.caller = caller;
    this.limits = limits;
    this.servletRequest = servletRequest;
  }

  public ScimAuthentication() {
    this(null, null, null, null, null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String organizationId =
        request.getUriInfo().getPathParameters().getFirst(ORGANIZATION_PARAMETER);
    var secret = BearerToken.from(request);
    if (organizationId == null || secret.isEmpty()) {
      request.abortWith(unauthorized("A bearer token is required"));
      return;
    }
    tenant.enter(organizationId);
    // before anything is read: the token's rate, or for an unknown token its client's budget
    Admission.Ticket ticket =
        limits
            .scim()
            .admit(
                organizationId + ":" + Secrets.hash(secret.get()), servletRequest.getRemoteAddr());
    try {
      caller.identify(principals.authenticate(organizationId, secret.get()));
      ticket.accepted();
    } catch (AuthenticationException e) {
      ticket.refused();
      request.abortWith(unauthorized(e.getMessage()));
    } catch (PermissionDeniedException e) {
      ticket.accepted();
      request.abortWith(ScimError.of(403, null, e.getMessage()));
    }
  }

  private static Response unauthorized(String detail) {
    return Response.fromResponse(ScimError.of(401, null, detail))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rollcall\"")
        .build();
  }
}
