package dev.rollcall.statement;

import dev.rollcall.application.AccessControlService;
import dev.rollcall.application.AccessControlService.RoleDetails;
import dev.rollcall.application.ApiTokenService;
import dev.rollcall.application.AuditTrail;
import dev.rollcall.application.AuthorizationService;
import dev.rollcall.application.MemberService;
import dev.rollcall.application.ProvisioningLog;
import dev.rollcall.application.SecurityIntegrationService;
import dev.rollcall.application.SecurityIntegrationService.IntegrationView;
import dev.rollcall.application.SecurityIntegrationService.IssuedIntegration;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.activity.AuditEvent;
import dev.rollcall.domain.activity.ProvisioningEvent;
import dev.rollcall.domain.member.ApiToken;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.Role;
import dev.rollcall.statement.Grantee.RoleGrantee;
import dev.rollcall.statement.Grantee.UserGrantee;
import dev.rollcall.statement.Statement.AlterUserActive;
import dev.rollcall.statement.Statement.CanI;
import dev.rollcall.statement.Statement.CreateApiToken;
import dev.rollcall.statement.Statement.CreateRole;
import dev.rollcall.statement.Statement.CreateSecurityIntegration;
import dev.rollcall.statement.Statement.DescribeRole;
import dev.rollcall.statement.Statement.DescribeSecurityIntegration;
import dev.rollcall.statement.Statement.DescribeUser;
import dev.rollcall.statement.Statement.DropApiToken;
import dev.rollcall.statement.Statement.DropRole;
import dev.rollcall.statement.Statement.DropSecurityIntegration;
import dev.rollcall.statement.Statement.DropUser;
import dev.rollcall.statement.Statement.GrantPrivileges;
import dev.rollcall.statement.Statement.GrantRole;
import dev.rollcall.statement.Statement.InviteUser;
import dev.rollcall.statement.Statement.ListApiTokens;
import dev.rollcall.statement.Statement.ListAuditEvents;
import dev.rollcall.statement.Statement.ListProvisioningEvents;
import dev.rollcall.statement.Statement.ListRoles;
import dev.rollcall.statement.Statement.ListSecurityIntegrations;
import dev.rollcall.statement.Statement.ListUsers;
import dev.rollcall.statement.Statement.RenewSecurityIntegrationToken;
import dev.rollcall.statement.Statement.RevokePrivileges;
import dev.rollcall.statement.Statement.RevokeRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one parsed statement as one transaction: every change a statement makes commits together or,
 * on any failure, not at all; a statement that changes access writes its audit row in that same
 * transaction. Privilege checks live in the services it calls.
 */
@Stateless
@TenantScoped
public class StatementExecutor {
  private static final String[] COMMAND_COLUMNS = {"Type", "Name", "Command", "Summary"};

  private final AccessControlService accessControl;
  private final MemberService members;
  private final ApiTokenService apiTokens;
  private final AuthorizationService authorization;
  private final SecurityIntegrationService integrations;
  private final StatementOptions options;
  private final AuditTrail audit;
  private final ProvisioningLog provisioningLog;

  @Inject
  public StatementExecutor(
      AccessControlService accessControl,
      MemberService members,
      ApiTokenService apiTokens,
      AuthorizationService authorization,
      SecurityIntegrationService integrations,
      StatementOptions options,
      AuditTrail audit,
      ProvisioningLog provisioningLog) {
    this.accessControl = accessControl;
    this.members = members;
    this.apiTokens = apiTokens;
    this.authorization = authorization;
    this.integrations = integrations;
    this.options = options;
    this.audit = audit;
    this.provisioningLog = provisioningLog;
  }

  public StatementExecutor() {
    this(null, null, null, null, null, null, null, null);
  }

  /** Runs the statement; the audit trail shows it by its action alone. */
  public ResultTable execute(String actorId, Statement statement) {
    return execute(actorId, statement, null);
  }

  /**
   * Runs the statement parsed from {@code text}; one that changes access is recorded in the audit
   * trail with {@code text}, its secrets redacted, and its outcome (the answer's summary).
   */
  public ResultTable execute(String actorId, Statement statement, String text) {
    ResultTable result = run(actorId, statement);
    String action = auditedAction(statement);
    if (action != null) {
      audit.memberChange(
          actorId, action, text == null ? action : StatementText.redact(text), outcome(result));
    }
    return result;
  }

  /**
   * The action a statement that changes access is audited as (roles, grants, users, API tokens,
   * security integrations); null for statements that only read.
   */
  static String auditedAction(Statement statement) {
    if (statement instanceof CreateRole) {
      return "CREATE ROLE";
    } else if (statement instanceof DropRole) {
      return "DROP ROLE";
    } else if (statement instanceof GrantPrivileges) {
      return "GRANT PRIVILEGES";
    } else if (statement instanceof RevokePrivileges) {
      return "REVOKE PRIVILEGES";
    } else if (statement instanceof GrantRole) {
      return "GRANT ROLE";
    } else if (statement instanceof RevokeRole) {
      return "REVOKE ROLE";
    } else if (statement instanceof DropUser) {
      return "DROP USER";
    } else if (statement instanceof AlterUserActive) {
      return "ALTER USER";
    } else if (statement instanceof InviteUser) {
      return "INVITE USER";
    } else if (statement instanceof CreateApiToken) {
      return "CREATE API_TOKEN";
    } else if (statement instanceof DropApiToken) {
      return "DROP API_TOKEN";
    } else if (statement instanceof CreateSecurityIntegration) {
      return "CREATE SECURITY INTEGRATION";
    } else if (statement instanceof RenewSecurityIntegrationToken) {
      return "ALTER SECURITY INTEGRATION";
    } else if (statement instanceof DropSecurityIntegration) {
      return "DROP SECURITY INTEGRATION";
    }
    return null;
  }

  /** The answer's Summary (never its Token). */
  private static String outcome(ResultTable result) {
    int summary = result.columns().indexOf("Summary");
    if (summary < 0 || result.rows().isEmpty()) {
      return "done";
    }
    Object cell = result.rows().get(0).get(summary);
    return cell == null ? "done" : cell.toString();
  }

  private ResultTable run(String actorId, Statement statement) {
    if (statement instanceof CreateRole s) {
      boolean created = accessControl.createRole(actorId, s.name(), s.ifNotExists());
      return command("role", s.name(), "CREATE", created ? "created" : null);
    } else if (statement instanceof DropRole s) {
      boolean dropped = accessControl.dropRole(actorId, s.name(), s.ifExists());
      return command("role", s.name(), "DROP", dropped ? "dropped" : null);
    } else if (statement instanceof ListRoles) {
      return listRoles();
    } else if (statement instanceof DescribeRole s) {
      return describeRole(s.name());
    } else if (statement instanceof GrantPrivileges s) {
      accessControl.grantPrivileges(actorId, s.privileges(), s.role(), s.withGrantOption());
      return privilegeCommand("GRANT", s.privileges(), "granted to", s.role());
    } else if (statement instanceof RevokePrivileges s) {
      accessControl.revokePrivileges(actorId, s.privileges(), s.role());
      return privilegeCommand("REVOKE", s.privileges(), "revoked from", s.role());
    } else if (statement instanceof GrantRole s) {
      return grantRole(actorId, s);
    } else if (statement instanceof RevokeRole s) {
      return revokeRole(actorId, s);
    } else if (statement instanceof ListUsers) {
      return listUsers();
    } else if (statement instanceof DescribeUser s) {
      return describeUser(s.email());
    } else if (statement instanceof DropUser s) {
      members.drop(actorId, s.email());
      return command("user", s.email(), "DROP", "dropped");
    } else if (statement instanceof AlterUserActive s) {
      Member member = members.alterActive(actorId, s.email(), s.active());
      return command("user", member.userName(), "ALTER", s.active() ? "activated" : "deactivated");
    } else if (statement instanceof InviteUser s) {
      return invite(actorId, s);
    } else if (statement instanceof CanI s) {
      return ResultTable.builder("Privilege", "Allowed")
          .row(s.privilege().name(), authorization.holds(actorId, s.privilege()))
          .build();
    } else if (statement instanceof CreateApiToken s) {
      var expiry = options.tokenExpiry(s.options()).orElse(null);
      var issued =
          options
              .tokenUser(s.options())
              .map(user -> apiTokens.issueFor(actorId, user, s.name(), expiry))
              .orElseGet(() -> apiTokens.issue(actorId, s.name(), expiry));
      return ResultTable.builder("Type", "Name", "Command", "Summary", "Token", "Expires At")
          .row(
              "api token",
              s.name(),
              "CREATE",
              "api token " + s.name() + " was successfully created",
              issued.secret(),
              Timestamps.format(issued.token().expiresAt().orElse(null)))
          .build();
    } else if (statement instanceof ListApiTokens) {
      return listApiTokens(actorId);
    } else if (statement instanceof DropApiToken s) {
      apiTokens.drop(actorId, s.name());
      return command("api token", s.name(), "DROP", "dropped");
    } else if (statement instanceof CreateSecurityIntegration s) {
      return integrations
          .create(actorId, s.name(), s.ifNotExists(), options.integrationSettings(s.options()))
          .map(issued -> issuedIntegration(issued, "CREATE", "created"))
          .orElseGet(() -> command("security integration", s.name(), "CREATE", null));
    } else if (statement instanceof RenewSecurityIntegrationToken s) {
      return issuedIntegration(integrations.renewToken(actorId, s.name()), "ALTER", "refreshed");
    } else if (statement instanceof ListSecurityIntegrations) {
      return listIntegrations(actorId);
    } else if (statement instanceof DescribeSecurityIntegration s) {
      return describeIntegration(integrations.describe(actorId, s.name()));
    } else if (statement instanceof DropSecurityIntegration s) {
      boolean dropped = integrations.drop(actorId, s.name(), s.ifExists());
      return command("security integration", s.name(), "DROP", dropped ? "dropped" : null);
    } else if (statement instanceof ListProvisioningEvents s) {
      return listProvisioningEvents(actorId, s);
    } else if (statement instanceof ListAuditEvents s) {
      return listAuditEvents(actorId, s.limit());
    }
    throw new IllegalStateException("no executor for " + statement.getClass().getSimpleName());
  }

  /** A one-row "what happened" answer; a null verb means the statement found nothing to do. */
  private static ResultTable command(String type, String name, String command, String verb) {
    String summary =
        verb == null
            ? type + " " + name + (command.equals("CREATE") ? " already exists" : " does not exist")
            : type + " " + name + " was successfully " + verb;
    return ResultTable.builder(COMMAND_COLUMNS).row(type, name, command, summary).build();
  }

  private static ResultTable privilegeCommand(
      String command, java.util.Set<Privilege> privileges, String preposition, String role) {
    String names = privileges.stream().map(Privilege::name).collect(Collectors.joining(", "));
    return ResultTable.builder(COMMAND_COLUMNS)
        .row("privilege", role, command, names + " successfully " + preposition + " role " + role)
        .build();
  }

  private ResultTable grantRole(String actorId, GrantRole s) {
    if (s.grantee() instanceof UserGrantee user) {
      accessControl.grantRoleToMember(actorId, s.role(), user.email());
      return roleCommand("GRANT", s.role(), "granted to user " + user.email());
    }
    RoleGrantee role = (RoleGrantee) s.grantee();
    accessControl.grantRoleToRole(actorId, s.role(), role.role());
    return roleCommand("GRANT", s.role(), "granted to role " + role.role());
  }

  private ResultTable revokeRole(String actorId, RevokeRole s) {
    if (s.grantee() instanceof UserGrantee user) {
      accessControl.revokeRoleFromMember(actorId, s.role(), user.email());
      return roleCommand("REVOKE", s.role(), "revoked from user " + user.email());
    }
    RoleGrantee role = (RoleGrantee) s.grantee();
    accessControl.revokeRoleFromRole(actorId, s.role(), role.role());
    return roleCommand("REVOKE", s.role(), "revoked from role " + role.role());
  }

  private static ResultTable roleCommand(String command, String role, String what) {
    return ResultTable.builder(COMMAND_COLUMNS)
        .row("role", role, command, "role " + role + " was successfully " + what)
        .build();
  }

  private ResultTable listRoles() {
    List<Role> roles = accessControl.listRoles();
    Map<String, String> names = roles.stream().collect(Collectors.toMap(Role::id, Role::name));
    Map<String, String> integrationNames = integrationNames();
    var table =
        ResultTable.builder("Name", "Owner", "Built In", "Managed By", "Created At", "Updated At");
    for (Role role : roles) {
      table.row(
          role.name(),
          role.ownerRoleId().map(names::get).orElse(null),
          role.builtin(),
          role.managedBy().map(integrationNames::get).orElse(null),
          Timestamps.format(role.createdAt()),
          Timestamps.format(role.updatedAt()));
    }
    return table.build();
  }

  private ResultTable describeRole(String name) {
    RoleDetails details = accessControl.describeRole(name);
    Role role = details.role();
    String privileges =
        details.privileges().stream()
            .map(p -> p.privilege().name() + (p.grantOption() ? " (with grant option)" : ""))
            .collect(Collectors.joining(", "));
    return ResultTable.builder(
            "Name",
            "Owner",
            "Built In",
            "Granted Roles",
            "Privileges",
            "Managed By",
            "Created At",
            "Updated At")
        .row(
            role.name(),
            details.ownerName(),
            role.builtin(),
            String.join(", ", details.grantedRoles()),
            privileges,
            role.managedBy().map(integrationNames()::get).orElse(null),
            Timestamps.format(role.createdAt()),
            Timestamps.format(role.updatedAt()))
        .build();
  }

  private ResultTable listUsers() {
    Map<String, String> integrationNames = integrationNames();
    var table =
        ResultTable.builder(
            "Email",
            "User Name",
            "Display Name",
            "Active",
            "Roles",
            "Managed By",
            "Created At",
            "Recovered At",
            "Recovered By");
    for (var entry : members.list()) {
      Member member = entry.member();
      table.row(
          member.email().orElse(null),
          member.userName(),
          member.displayName().orElse(null),
          member.active(),
          String.join(", ", entry.roles()),
          member.managedBy().map(integrationNames::get).orElse(null),
          Timestamps.format(member.createdAt()),
          Timestamps.format(member.recoveredAt().orElse(null)),
          member.recoveredBy().orElse(null));
    }
    return table.build();
  }

  private ResultTable describeUser(String login) {
    var details = members.describe(login);
    Member member = details.member();
    return ResultTable.builder(
            "Email",
            "User Name",
            "Given Name",
            "Family Name",
            "Display Name",
            "External Id",
            "Active",
            "Roles",
            "Effective Roles",
            "Managed By",
            "Created At",
            "Updated At",
            "Recovered At",
            "Recovered By")
        .row(
            member.email().orElse(null),
            member.userName(),
            member.givenName().orElse(null),
            member.familyName().orElse(null),
            member.displayName().orElse(null),
            member.externalId().orElse(null),
            member.active(),
            String.join(", ", details.roles()),
            String.join(", ", details.effectiveRoles()),
            member.managedBy().map(integrationNames()::get).orElse(null),
            Timestamps.format(member.createdAt()),
            Timestamps.format(member.updatedAt()),
            Timestamps.format(member.recoveredAt().orElse(null)),
            member.recoveredBy().orElse(null))
        .build();
  }

  private ResultTable invite(String actorId, InviteUser s) {
    var role = options.inviteRole(s.options());
    Member member = members.invite(actorId, s.email());
    role.ifPresent(r -> accessControl.grantRoleToMember(actorId, r, member.userName()));
    return command("user", member.userName(), "INVITE", "invited");
  }

  private ResultTable listApiTokens(String actorId) {
    var table =
        ResultTable.builder("Name", "Created At", "Expires At", "Last Used At", "Created By");
    for (var listed : apiTokens.listWithCreators(actorId)) {
      ApiToken token = listed.token();
      table.row(
          token.name(),
          Timestamps.format(token.createdAt()),
          Timestamps.format(token.expiresAt().orElse(null)),
          Timestamps.format(token.lastUsedAt().orElse(null)),
          listed.createdBy());
    }
    return table.build();
  }

  private static ResultTable issuedIntegration(
      IssuedIntegration issued, String command, String verb) {
    String name = issued.integration().name();
    return ResultTable.builder("Type", "Name", "Command", "Summary", "Token", "Uri", "Expires At")
        .row(
            "security integration",
            name,
            command,
            "security integration " + name + " was successfully " + verb,
            issued.token(),
            issued.uri(),
            Timestamps.format(issued.integration().tokenExpiresAt()))
        .build();
  }

  private ResultTable listIntegrations(String actorId) {
    var table =
        ResultTable.builder(
            "Name",
            "Type",
            "Created At",
            "Updated At",
            "Client",
            "Run As Role",
            "Token Expires At",
            "Token Last Used At",
            "Owner");
    for (IntegrationView view : integrations.list(actorId)) {
      var integration = view.integration();
      table.row(
          integration.name(),
          integration.type().displayName(),
          Timestamps.format(integration.createdAt()),
          Timestamps.format(integration.updatedAt()),
          integration.client().name(),
          view.runAsRole(),
          Timestamps.format(integration.tokenExpiresAt()),
          Timestamps.format(integration.tokenLastUsedAt().orElse(null)),
          view.owner());
    }
    return table.build();
  }

  private ResultTable listProvisioningEvents(String actorId, ListProvisioningEvents s) {
    var table =
        ResultTable.builder(
            "Time",
            "Integration",
            "Operation",
            "Resource",
            "Target",
            "Status",
            "Detail",
            "Request Id");
    for (ProvisioningEvent event : provisioningLog.list(actorId, s.integration(), s.limit())) {
      table.row(
          Timestamps.format(event.occurredAt()),
          event.integrationName(),
          event.operation(),
          event
              .resourceType()
              .map(type -> type + event.resourceId().map(id -> " " + id).orElse(""))
              .orElse(event.resourceId().orElse(null)),
          event.target().orElse(null),
          ProvisioningLog.status(event),
          event.detail().orElse(null),
          event.requestId());
    }
    return table.build();
  }

  private ResultTable listAuditEvents(String actorId, int limit) {
    var table =
        ResultTable.builder("Time", "Actor", "Action", "Statement", "Outcome", "Request Id");
    for (AuditEvent event : audit.list(actorId, limit)) {
      table.row(
          Timestamps.format(event.occurredAt()),
          event.actor(),
          event.action(),
          event.statement(),
          event.outcome(),
          event.requestId().orElse(null));
    }
    return table.build();
  }

  private ResultTable describeIntegration(IntegrationView view) {
    var integration = view.integration();
    var last = provisioningLog.lastActivity(integration.id());
    return ResultTable.builder(
            "Name",
            "Type",
            "Client",
            "Run As Role",
            "Uri",
            "Token Expires At",
            "Token Last Used At",
            "Extension",
            "Created At",
            "Updated At",
            "Owner",
            "Last Event At",
            "Last Error")
        .row(
            integration.name(),
            integration.type().displayName(),
            integration.client().name(),
            view.runAsRole(),
            view.uri(),
            Timestamps.format(integration.tokenExpiresAt()),
            Timestamps.format(integration.tokenLastUsedAt().orElse(null)),
            integration.extension().map(e -> e.urn() + " (" + e.attributeText() + ")").orElse(null),
            Timestamps.format(integration.createdAt()),
            Timestamps.format(integration.updatedAt()),
            view.owner(),
            Timestamps.format(last.eventAt().orElse(null)),
            last.error().orElse(null))
        .build();
  }

  private Map<String, String> integrationNames() {
    return integrations.namesById();
  }
}
