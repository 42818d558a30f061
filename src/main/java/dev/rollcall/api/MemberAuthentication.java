package dev.rollcall.api;

import dev.rollcall.application.ApiTokenService;
import dev.rollcall.web.BearerEntry;
import dev.rollcall.web.limits.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
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
  private final BearerEntry entry;
  private final ApiTokenService tokens;
  private final Caller caller;
  private final RequestLimits limits;

  @Inject
  public MemberAuthentication(
      BearerEntry entry, ApiTokenService tokens, Caller caller, RequestLimits limits) {
    this.entry = entry;
    this.tokens = tokens;
    this.caller = caller;
    this.limits = limits;
  }

  public MemberAuthentication() {
    this(null, null, null, null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    entry.enter(
        request,
        limits.api(),
        "An API token is required (Authorization: Bearer <token>)",
        (organizationId, secret) -> caller.identify(tokens.authenticate(secret).id()),
        ApiError.REFUSALS);
  }
}
