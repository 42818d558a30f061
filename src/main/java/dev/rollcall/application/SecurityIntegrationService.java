package dev.rollcall.application;

import dev.rollcall.application.config.DurationSetting;
import dev.rollcall.application.config.ScimLocations;
import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.domain.integration.IntegrationRefusal;
import dev.rollcall.domain.integration.IntegrationType;
import dev.rollcall.domain.integration.ScimClient;
import dev.rollcall.domain.integration.SecurityIntegration;
import dev.rollcall.domain.integration.SecurityIntegrationRepository;
import dev.rollcall.domain.integration.SecurityIntegrationRepository.TokenLookup;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security integrations and their SCIM tokens: created and renewed with a token shown once, stored
 * as a hash, and checked on every SCIM call together with the run-as role's MANAGE_MEMBERS
 * privilege. Whoever creates or renews an integration owns it; its run-as role may not be or
 * inherit a built-in role.
 */
@Stateless
@TenantScoped
public class SecurityIntegrationService {
  public static final String TOKEN_PREFIX = "rc_scim_";

  /** The run-as role Okta integrations get when none is named, as in DeltaStream. */
  public static final String OKTA_DEFAULT_RUN_AS_ROLE = "okta_skim_provisioner";

  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final SecurityIntegrationRepository integrations;
  private final RoleRepository roles;
  private final MemberRepository members;
  private final GrantRepository grants;
  private final AuthorizationService authorization;
  private final TenantContext tenant;
  private final Clock clock;
  private final TokenUse tokenUse;
  private final ScimLocations locations;
  private final String tokenLifetime;
  private final Event<ScimAccessChanged> accessChanged;

  /** What CREATE and RENEW hand back: the token exists only here. */
  public record IssuedIntegration(SecurityIntegration integration, String token, String uri) {
    @Override
    public String toString() {
      return "IssuedIntegration[" + integration.name() + ", token=<redacted>, uri=" + uri + "]";
    }
  }

  /** An integration with its run-as role's name and its owner's userName (null: none). */
  public record IntegrationView(
      SecurityIntegration integration, String runAsRole, String uri, String owner) {}

  /** The options of CREATE SECURITY INTEGRATION, already checked for known values. */
  public record Settings(
      IntegrationType type,
      Optional<ScimClient> client,
      Optional<String> runAsRole,
      Optional<ExtensionDeclaration> extension) {}

  /**
   * Who is calling SCIM: the integration, the role its calls act as, and the extension schemas its
   * organization's integrations declare (read with the token, so a request needs no other look-up);
   * with when the token expires and when its use was last recorded (at most a minute ago). {@code
   * ownerMemberId} is the member the calls act for (null: none); what the owner holds is read when
   * a call hands something out, never remembered.
   */
  public record ScimPrincipal(
      String organizationId,
      String integrationId,
      String integrationName,
      ScimClient client,
      String runAsRoleId,
      String ownerMemberId,
      List<ExtensionDeclaration> extensions,
      Instant tokenExpiresAt,
      Instant tokenUsedAt) {}

  @Inject
  public SecurityIntegrationService(
      SecurityIntegrationRepository integrations,
      RoleRepository roles,
      MemberRepository members,
      GrantRepository grants,
      AuthorizationService authorization,
      TenantContext tenant,
      Clock clock,
      ScimLocations locations,
      TokenUse tokenUse,
      @ConfigProperty(name = "rollcall.scim.token-lifetime") String tokenLifetime,
      Event<ScimAccessChanged> accessChanged) {
    this.integrations = integrations;
    this.roles = roles;
    this.members = members;
    this.grants = grants;
    this.authorization = authorization;
    this.tenant = tenant;
    this.clock = clock;
    this.locations = locations;
    this.tokenUse = tokenUse;
    this.tokenLifetime = tokenLifetime;
    this.accessChanged = accessChanged;
  }

  public SecurityIntegrationService() {
    this(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Creates the integration; empty when it exists and {@code ifNotExists} was given. */
  public Optional<IssuedIntegration> create(
      String actorId, String name, boolean ifNotExists, Settings settings) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    if (name.isBlank() || name.length() > SecurityIntegration.NAME_LENGTH) {
      throw new InvalidRequestException(
          "A security integration name must be 1 to "
              + SecurityIntegration.NAME_LENGTH
              + " characters");
    }
    if (integrations.findByName(name).isPresent()) {
      if (ifNotExists) {
        return Optional.empty();
      }
      throw new ConflictException("Security integration " + name + " already exists");
    }
    ScimClient client = settings.client().orElse(ScimClient.OKTA);
    String roleName =
        settings
            .runAsRole()
            .or(
                () ->
                    client == ScimClient.OKTA
                        ? Optional.of(OKTA_DEFAULT_RUN_AS_ROLE)
                        : Optional.empty())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Option 'scim.run_as_role' is required for 'scim.client' = " + client));
    Role runAs = runAsRole(roleName);
    Instant now = clock.instant();
    Secrets.Issued token = Secrets.issue(TOKEN_PREFIX);
    SecurityIntegration integration =
        new SecurityIntegration(
            UUID.randomUUID().toString(),
            name,
            settings.type(),
            client,
            runAs.id(),
            token.hash(),
            now.plus(lifetime()),
            actorId,
            now);
    settings
        .extension()
        .ifPresent(
            extension -> {
              for (ExtensionDeclaration other : extensions()) {
                if (other.urn().equalsIgnoreCase(extension.urn()) && !other.equals(extension)) {
                  throw new ConflictException(
                      "Another integration already declares "
                          + other.urn()
                          + " with other attributes ("
                          + other.attributeText()
                          + ")");
                }
              }
              integration.declareExtension(extension);
            });
    integrations.add(integration);
    try {
      integrations.flush();
    } catch (PersistenceException e) {
      // an integration of that name created at the same moment: the unique key decides
      throw StoreFailures.translate(
          e,
          SecurityIntegration.NAME_CONSTRAINT,
          () -> new ConflictException("Security integration " + name + " already exists"));
    }
    announceAccessChanged();
    return Optional.of(new IssuedIntegration(integration, token.secret(), scimUri()));
  }

  /** Issues a new token; the old one stops working at once. */
  public IssuedIntegration renewToken(String actorId, String name) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    SecurityIntegration integration = find(name);
    Instant now = clock.instant();
    Secrets.Issued token = Secrets.issue(TOKEN_PREFIX);
    integration.renewToken(token.hash(), now.plus(lifetime()), actorId, now);
    announceAccessChanged();
    return new IssuedIntegration(integration, token.secret(), scimUri());
  }

  public List<IntegrationView> list(String actorId) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    return integrations.list().stream().map(this::view).toList();
  }

  /** The extension schemas the organization's integrations declare (each URN once). */
  public List<ExtensionDeclaration> extensions() {
    return eachUrnOnce(integrations.list().stream().flatMap(i -> i.extension().stream()).toList());
  }

  /** The first declaration of each URN, in the order given. */
  private static List<ExtensionDeclaration> eachUrnOnce(List<ExtensionDeclaration> declarations) {
    Map<String, ExtensionDeclaration> byUrn = new java.util.LinkedHashMap<>();
    for (ExtensionDeclaration declaration : declarations) {
      byUrn.putIfAbsent(declaration.urn(), declaration);
    }
    return List.copyOf(byUrn.values());
  }

  /** Integration names by id, for showing which integration manages a member or role. */
  public Map<String, String> namesById() {
    return integrations.list().stream()
        .collect(Collectors.toMap(SecurityIntegration::id, SecurityIntegration::name));
  }

  public IntegrationView describe(String actorId, String name) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    return view(find(name));
  }

  public boolean drop(String actorId, String name, boolean ifExists) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    Optional<SecurityIntegration> integration = integrations.findByName(name);
    if (integration.isEmpty() && ifExists) {
      return false;
    }
    integrations.remove(integration.orElseThrow(() -> notFound(name)));
    announceAccessChanged();
    return true;
  }

  /**
   * The integration a SCIM bearer token belongs to, in the current organization. Unknown, renewed,
   * dropped and expired tokens are refused alike; a run-as role that lost MANAGE_MEMBERS, or that
   * is or inherits a built-in role, is forbidden.
   */
  // reads only: no global transaction to begin and commit on every SCIM request (the once-a-minute
  // bookkeeping write runs in one of its own)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ScimPrincipal authenticate(String secret) {
    if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
      throw refused();
    }
    String hash = Secrets.hash(secret);
    // one query answers the common case (the run-as role holds MANAGE_MEMBERS itself) and brings
    // the organization's extension declarations along; only when the role does not hold it
    // directly does the walk through inherited roles decide between 403 and a privilege held
    // through inheritance. Two more read the run-as role's hierarchy for built-in roles.
    // ScimPrincipals remembers the answer for a few seconds.
    TokenLookup lookup = integrations.authenticate(hash, Privilege.MANAGE_MEMBERS);
    SecurityIntegration integration =
        lookup
            .match()
            .filter(i -> Secrets.sameHash(i.tokenHash(), hash))
            .orElseThrow(SecurityIntegrationService::refused);
    Instant now = clock.instant();
    if (integration.tokenExpiredAt(now)) {
      // the same answer as any refused token; the provisioning log still learns whose it was
      throw new IntegrationRefusal.Expired(refused().getMessage(), integration);
    }
    if (!lookup.holdsPrivilege()
        && !authorization.roleHolds(integration.runAsRoleId(), Privilege.MANAGE_MEMBERS)) {
      throw new IntegrationRefusal.Forbidden(
          "The integration's run-as role no longer holds MANAGE_MEMBERS", integration);
    }
    // a grant that makes the run-as role inherit a built-in role announces ScimAccessChanged, so
    // the remembered principal never outlives it on this server
    builtInRolesOf(integration.runAsRoleId())
        .ifPresent(
            why -> {
              throw new IntegrationRefusal.Forbidden(
                  "The run-as role of security integration "
                      + IntegrationOwner.statementName(integration.name())
                      + " "
                      + why.describe()
                      + ", which SCIM never acts as: "
                      + why.fix(),
                  integration);
            });
    Instant usedAt =
        integration
            .tokenLastUsedAt()
            .filter(t -> !t.plus(LAST_USED_RESOLUTION).isBefore(now))
            .orElse(null);
    if (usedAt == null) {
      // one conditional UPDATE outside the row version: concurrent requests never make each other
      // fail over a bookkeeping timestamp, and at most one of them writes it
      tokenUse.record(integration.id(), now, now.minus(LAST_USED_RESOLUTION));
      usedAt = now;
    }
    return new ScimPrincipal(
        tenant.require(),
        integration.id(),
        integration.name(),
        integration.client(),
        integration.runAsRoleId(),
        integration.ownerMemberId().orElse(null),
        eachUrnOnce(lookup.extensions()),
        integration.tokenExpiresAt(),
        usedAt);
  }

  /** The organization's SCIM base URI. */
  public String scimUri() {
    return locations.base(tenant.require());
  }

  /** Remembered tokens of the organization are stale once this transaction ends. */
  private void announceAccessChanged() {
    accessChanged.fire(new ScimAccessChanged(tenant.require()));
  }

  private Role runAsRole(String roleName) {
    String fix =
        "CREATE ROLE "
            + roleName
            + "; GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE "
            + roleName
            + ";";
    Role role =
        roles
            .findByName(roleName)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "The run-as role "
                            + roleName
                            + " does not exist; create it first: "
                            + fix));
    builtInRolesOf(role.id())
        .ifPresent(
            why -> {
              throw new InvalidRequestException(
                  "The run-as role "
                      + roleName
                      + " "
                      + why.describe()
                      + "; a run-as role may not be or inherit a built-in role: "
                      + (why.role().builtin()
                          ? "use a custom role that holds MANAGE_MEMBERS, e.g. CREATE ROLE "
                              + OKTA_DEFAULT_RUN_AS_ROLE
                              + "; GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE "
                              + OKTA_DEFAULT_RUN_AS_ROLE
                              + ";"
                          : why.fix()));
            });
    if (!authorization.roleHolds(role.id(), Privilege.MANAGE_MEMBERS)) {
      throw new InvalidRequestException(
          "The run-as role "
              + roleName
              + " must hold the MANAGE_MEMBERS privilege: GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE "
              + roleName
              + ";");
    }
    return role;
  }

  /**
   * Why a role may not be a run-as role: it is a built-in role, or inherits one through the grants
   * {@code edges} (each "REVOKE ROLE built-in FROM ROLE custom" takes one away).
   */
  private record BuiltInRunAs(Role role, List<String> builtIns, List<String> edges) {
    String describe() {
      return role.builtin()
          ? "is built-in role " + role.name()
          : "inherits built-in role"
              + (builtIns.size() > 1 ? "s " : " ")
              + String.join(", ", builtIns);
    }

    String fix() {
      return role.builtin()
          ? "create a custom role that holds MANAGE_MEMBERS and an integration that acts as it"
          : String.join("; ", edges) + ";";
    }
  }

  /**
   * Whether the role is or inherits a built-in role other than {@code public} (which everyone
   * holds); two queries when it does not.
   */
  private Optional<BuiltInRunAs> builtInRolesOf(String roleId) {
    Set<String> closure = authorization.closure(Set.of(roleId));
    List<Role> held = roles.listByIds(closure);
    Set<String> builtIns =
        held.stream()
            .filter(r -> r.builtin() && !BuiltInRole.PUBLIC.roleName().equals(r.name()))
            .map(Role::id)
            .collect(Collectors.toSet());
    if (builtIns.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Role> byId = held.stream().collect(Collectors.toMap(Role::id, r -> r));
    Role role = byId.get(roleId);
    List<String> edges = new ArrayList<>();
    for (Role custom : held) {
      if (!custom.builtin()) {
        for (String granted : grants.rolesGrantedTo(Set.of(custom.id()))) {
          if (builtIns.contains(granted)) {
            edges.add(
                "REVOKE ROLE "
                    + byId.get(granted).name()
                    + " FROM ROLE "
                    + IntegrationOwner.statementName(custom.name()));
          }
        }
      }
    }
    List<String> names =
        held.stream().filter(r -> builtIns.contains(r.id())).map(Role::name).sorted().toList();
    return Optional.of(new BuiltInRunAs(role, names, edges));
  }

  private IntegrationView view(SecurityIntegration integration) {
    String runAs = roles.find(integration.runAsRoleId()).map(Role::name).orElse(null);
    String owner =
        integration.ownerMemberId().flatMap(members::find).map(Member::userName).orElse(null);
    return new IntegrationView(integration, runAs, scimUri(), owner);
  }

  private SecurityIntegration find(String name) {
    return integrations.findByName(name).orElseThrow(() -> notFound(name));
  }

  private Duration lifetime() {
    Duration lifetime = DurationSetting.parse("rollcall.scim.token-lifetime", tokenLifetime);
    if (lifetime.isZero()) {
      throw new IllegalStateException("rollcall.scim.token-lifetime must be positive");
    }
    return lifetime;
  }

  private static NotFoundException notFound(String name) {
    return new NotFoundException("Security integration " + name + " does not exist");
  }

  private static AuthenticationException refused() {
    return new AuthenticationException("The SCIM token is invalid, expired or revoked");
  }
}
