package dev.rollcall.console;

import dev.rollcall.api.ApiError;
import dev.rollcall.application.ApiTokenService;
import dev.rollcall.application.SetupLinkService;
import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.web.limits.Admission;
import dev.rollcall.web.limits.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Set;

/**
 * Every console API request passes here. Changes must come from the console's own origin (the
 * {@code Origin} header, when sent, names this host) and carry the session's CSRF token in {@value
 * #CSRF_HEADER}; the session is looked up by its cookie, its organization entered, and its member
 * checked again (a member session's API token must still be valid, a setup session's member still
 * active). A setup session reaches only {@link SetupAllowed} endpoints.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ConsoleAuthentication implements ContainerRequestFilter {
  static final String COOKIE = "rc_console";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ConsoleSessions sessions;
  private final ConsoleCaller caller;
  private final TenantContext tenant;
  private final ApiTokenService apiTokens;
  private final SetupLinkService setupLinks;
  private final RequestLimits limits;
  private final HttpServletRequest servletRequest;
  @Context ResourceInfo resource;

  @Inject
  public ConsoleAuthentication(
      ConsoleSessions sessions,
      ConsoleCaller caller,
      TenantContext tenant,
      ApiTokenService apiTokens,
      SetupLinkService setupLinks,
      RequestLimits limits,
      HttpServletRequest servletRequest) {
    this.sessions = sessions;
    this.caller = caller;
    this.tenant = tenant;
    this.apiTokens = apiTokens;
    this.setupLinks = setupLinks;
    this.limits = limits;
    this.servletRequest = servletRequest;
  }

  public ConsoleAuthentication() {
    this(null, null, null, null, null, null, null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    boolean change = !SAFE_METHODS.contains(request.getMethod());
    if (change && !sameOrigin(request.getHeaderString("Origin"))) {
      request.abortWith(
          ApiError.of(
              Response.Status.FORBIDDEN,
              "cross_origin",
              "The console accepts changes only from its own pages"));
      return;
    }
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(SignIn.class)) {
      return;
    }
    Cookie cookie = request.getCookies().get(COOKIE);
    ConsoleSession session = cookie == null ? null : sessions.find(cookie.getValue()).orElse(null);
    if (session == null) {
      request.abortWith(signInAgain());
      return;
    }
    tenant.enter(session.organizationId());
    // every request is held to the session's rate, checked before the database is read
    Admission.Ticket ticket =
        limits.api().admit("console:" + session.key(), servletRequest.getRemoteAddr());
    try {
      Member member =
          session.kind() == ConsoleSession.Kind.MEMBER
              ? apiTokens.authenticateHash(session.apiTokenHash())
              : setupLinks.activeMember(session.memberId());
      if (!member.id().equals(session.memberId())) {
        throw new AuthenticationException("session and token disagree");
      }
      ticket.accepted();
    } catch (AuthenticationException e) {
      ticket.accepted();
      sessions.close(session);
      request.abortWith(signInAgain());
      return;
    }
    if (session.kind() == ConsoleSession.Kind.SETUP
        && !method.isAnnotationPresent(SetupAllowed.class)) {
      request.abortWith(
          ApiError.of(
              Response.Status.FORBIDDEN,
              "permission_denied",
              "A setup link opens only the setup wizard: sign in with an API token for the rest"));
      return;
    }
    if (change && !ConsoleSessions.csrfMatches(session, request.getHeaderString(CSRF_HEADER))) {
      request.abortWith(
          ApiError.of(
              Response.Status.FORBIDDEN,
              "csrf",
              "The request lacks the console's CSRF token; reload the page"));
      return;
    }
    caller.identify(session);
  }

  /**
   * No {@code Origin} (a non-browser client, which has no ambient cookie to abuse) or one whose
   * host and port are this request's {@code Host}.
   */
  private boolean sameOrigin(String origin) {
    if (origin == null) {
      return true;
    }
    String host = servletRequest.getHeader("Host");
    try {
      URI uri = URI.create(origin);
      return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equals(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Response signInAgain() {
    return ApiError.of(
        Response.Status.UNAUTHORIZED,
        "unauthorized",
        "Your console session has ended; sign in again");
  }
}
