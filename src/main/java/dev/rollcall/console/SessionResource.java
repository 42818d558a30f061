package dev.rollcall.console;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.api.JsonBodies;
import dev.rollcall.application.ApiTokenService;
import dev.rollcall.application.AuthorizationService;
import dev.rollcall.application.MemberService;
import dev.rollcall.application.Secrets;
import dev.rollcall.application.SetupLinkService;
import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.web.limits.Admission;
import dev.rollcall.web.limits.RequestLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The console's sessions: {@code POST /session} exchanges an API token for a session, {@code POST
 * /setup-session} redeems a setup link, {@code GET /session} tells the page who is signed in and
 * what they may do (and the CSRF token), {@code DELETE /session} signs out.
 */
@Path("")
@ApplicationScoped
public class SessionResource {
  private final ConsoleSessions sessions;
  private final ConsoleCaller caller;
  private final TenantContext tenant;
  private final ApiTokenService apiTokens;
  private final SetupLinkService setupLinks;
  private final MemberService members;
  private final AuthorizationService authorization;
  private final RequestLimits limits;
  private final HttpServletRequest servletRequest;

  @Inject
  public SessionResource(
      ConsoleSessions sessions,
      ConsoleCaller caller,
      TenantContext tenant,
      ApiTokenService apiTokens,
      SetupLinkService setupLinks,
      MemberService members,
      AuthorizationService authorization,
      RequestLimits limits,
      HttpServletRequest servletRequest) {
    this.sessions = sessions;
    this.caller = caller;
    this.tenant = tenant;
    this.apiTokens = apiTokens;
    this.setupLinks = setupLinks;
    this.members = members;
    this.authorization = authorization;
    this.limits = limits;
    this.servletRequest = servletRequest;
  }

  public SessionResource() {
    this(null, null, null, null, null, null, null, null, null);
  }

  /**
   * Body {@code {"organizationId", "token"}}: the API token is checked like the statement API's.
   */
  @POST
  @Path("session")
  @SignIn
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response signIn(String body) {
    JsonObject json = JsonBodies.object(body);
    String organizationId = JsonBodies.requiredString(json, "organizationId").strip();
    String token = JsonBodies.requiredString(json, "token").strip();
    tenant.enter(organizationId);
    String hash = Secrets.hash(token);
    // the same key as the statement API's, so a token has one rate whichever way it is used
    Admission.Ticket ticket =
        limits.api().admit(organizationId + ":" + hash, servletRequest.getRemoteAddr());
    Member member;
    try {
      member = apiTokens.authenticate(token);
      ticket.accepted();
    } catch (AuthenticationException e) {
      ticket.refused();
      throw e;
    }
    var opened = sessions.open(organizationId, member.id(), hash, ConsoleSession.Kind.MEMBER);
    return withCookie(Response.ok(view(opened.session(), member)), opened.secret());
  }

  /**
   * Body {@code {"organizationId", "code"}}: redeems the one-time link for a wizard-only session.
   */
  @POST
  @Path("setup-session")
  @SignIn
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response redeemSetupLink(String body) {
    JsonObject json = JsonBodies.object(body);
    String organizationId = JsonBodies.requiredString(json, "organizationId").strip();
    String code = JsonBodies.requiredString(json, "code").strip();
    tenant.enter(organizationId);
    Admission.Ticket ticket =
        limits
            .api()
            .admit(organizationId + ":" + Secrets.hash(code), servletRequest.getRemoteAddr());
    Member member;
    try {
      member = setupLinks.redeem(code);
      ticket.accepted();
    } catch (AuthenticationException e) {
      ticket.refused();
      throw e;
    }
    var opened = sessions.open(organizationId, member.id(), null, ConsoleSession.Kind.SETUP);
    return withCookie(Response.ok(view(opened.session(), member)), opened.secret());
  }

  @GET
  @Path("session")
  @SetupAllowed
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject current() {
    ConsoleSession session = caller.session();
    // the filter has just checked that the member is active
    return view(session, setupLinks.activeMember(session.memberId()));
  }

  @DELETE
  @Path("session")
  @SetupAllowed
  public Response signOut() {
    sessions.close(caller.session());
    return Response.noContent()
        .header(
            HttpHeaders.SET_COOKIE,
            ConsoleAuthentication.COOKIE
                + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict"
                + secure())
        .build();
  }

  private JsonObject view(ConsoleSession session, Member member) {
    JsonObjectBuilder privileges = JSON.createObjectBuilder();
    for (Privilege p : new Privilege[] {Privilege.MANAGE_MEMBERS, Privilege.MANAGE_GRANTS}) {
      privileges.add(p.name(), authorization.holds(member.id(), p));
    }
    var details = members.describe(member.userName());
    return JSON.createObjectBuilder()
        .add("organizationId", session.organizationId())
        .add("userName", member.userName())
        .add("kind", session.kind().name())
        .add("csrfToken", session.csrfToken())
        .add("idleTimeoutSeconds", sessions.idleTimeout().toSeconds())
        .add("privileges", privileges)
        .add("roles", JSON.createArrayBuilder(details.effectiveRoles()))
        .add("directRoles", JSON.createArrayBuilder(details.roles()))
        .build();
  }

  private Response withCookie(Response.ResponseBuilder response, String secret) {
    return response
        .header(
            HttpHeaders.SET_COOKIE,
            ConsoleAuthentication.COOKIE
                + "="
                + secret
                + "; Path=/console; HttpOnly; SameSite=Strict"
                + secure())
        .build();
  }

  /** {@code Secure} when the browser reached us over HTTPS, directly or through a proxy. */
  private String secure() {
    boolean https =
        servletRequest.isSecure()
            || "https".equalsIgnoreCase(servletRequest.getHeader("X-Forwarded-Proto"));
    return https ? "; Secure" : "";
  }
}
