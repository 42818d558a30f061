package dev.rollcall.scim;

import dev.rollcall.application.ScimPrincipals;
import dev.rollcall.domain.integration.IntegrationRefusal;
import dev.rollcall.web.BearerEntry;
import dev.rollcall.web.limits.Admission;
import dev.rollcall.web.limits.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  /** How SCIM refuses a bearer token: the RFC 7644 error schema. */
  private static final BearerEntry.Refusals REFUSALS =
      new BearerEntry.Refusals() {
        @Override
        public Response unauthorized(String detail) {
          return Response.fromResponse(ScimError.of(401, null, detail))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rollcall\"")
              .build();
        }

        @Override
        public Response forbidden(String detail) {
          return ScimError.of(403, null, detail);
        }
      };

  private final BearerEntry entry;
  private final ScimPrincipals principals;
  private final ScimCaller caller;
  private final RequestLimits limits;

  @Inject
  public ScimAuthentication(
      BearerEntry entry, ScimPrincipals principals, ScimCaller caller, RequestLimits limits) {
    this.entry = entry;
    this.principals = principals;
    this.caller = caller;
    this.limits = limits;
  }

  public ScimAuthentication() {
    this(null, null, null, null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    entry.enter(
        request,
        limits.scim(),
        "A bearer token is required",
        (organizationId, secret) -> {
          try {
            caller.identify(principals.authenticate(organizationId, secret));
          } catch (RuntimeException e) {
            if (e instanceof IntegrationRefusal known) {
              caller.refused(known);
            }
            throw e;
          }
        },
        REFUSALS);
  }
}
