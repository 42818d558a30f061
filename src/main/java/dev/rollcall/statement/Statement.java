package dev.rollcall.statement;

import static java.util.Objects.requireNonNull;

import dev.rollcall.domain.role.Privilege;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One parsed admin statement. Names are already normalised: unquoted names are lower-cased,
 * double-quoted names keep their case. Emails are the text of the string literal, unchanged.
 */
public sealed interface Statement {

  record CreateRole(String name, boolean ifNotExists) implements Statement {
    public CreateRole {
      requireNonNull(name, "name");
    }
  }

  record DropRole(String name, boolean ifExists) implements Statement {
    public DropRole {
      requireNonNull(name, "name");
    }
  }

  record ListRoles() implements Statement {}

  record DescribeRole(String name) implements Statement {
    public DescribeRole {
      requireNonNull(name, "name");
    }
  }

  /** {@code GRANT priv[, ...] ON ORGANIZATION TO ROLE role [WITH GRANT OPTION]}. */
  record GrantPrivileges(Set<Privilege> privileges, String role, boolean withGrantOption)
      implements Statement {
    public GrantPrivileges {
      privileges = privilegeSet(privileges);
      requireNonNull(role, "role");
    }
  }

  /** {@code REVOKE priv[, ...] ON ORGANIZATION FROM ROLE role}. */
  record RevokePrivileges(Set<Privilege> privileges, String role) implements Statement {
    public RevokePrivileges {
      privileges = privilegeSet(privileges);
      requireNonNull(role, "role");
    }
  }

  /** {@code GRANT ROLE role TO USER 'email' | TO ROLE other}. */
  record GrantRole(String role, Grantee grantee) implements Statement {
    public GrantRole {
      requireNonNull(role, "role");
      requireNonNull(grantee, "grantee");
    }
  }

  /** {@code REVOKE ROLE role FROM USER 'email' | FROM ROLE other}. */
  record RevokeRole(String role, Grantee grantee) implements Statement {
    public RevokeRole {
      requireNonNull(role, "role");
      requireNonNull(grantee, "grantee");
    }
  }

  record ListUsers() implements Statement {}

  record DescribeUser(String email) implements Statement {
    public DescribeUser {
      requireNonNull(email, "email");
    }
  }

  record DropUser(String email) implements Statement {
    public DropUser {
      requireNonNull(email, "email");
    }
  }

  /** {@code ALTER USER 'x' SET ACTIVE = TRUE | FALSE}. */
  record AlterUserActive(String email, boolean active) implements Statement {
    public AlterUserActive {
      requireNonNull(email, "email");
    }
  }

  record InviteUser(String email, Options options) implements Statement {
    public InviteUser {
      requireNonNull(email, "email");
      requireNonNull(options, "options");
    }
  }

  /** {@code CAN I priv ON ORGANIZATION}. */
  record CanI(Privilege privilege) implements Statement {
    public CanI {
      requireNonNull(privilege, "privilege");
    }
  }

  record CreateApiToken(String name, Options options) implements Statement {
    public CreateApiToken {
      requireNonNull(name, "name");
      requireNonNull(options, "options");
    }
  }

  record ListApiTokens() implements Statement {}

  record DropApiToken(String name) implements Statement {
    public DropApiToken {
      requireNonNull(name, "name");
    }
  }

  record CreateSecurityIntegration(String name, boolean ifNotExists, Options options)
      implements Statement {
    public CreateSecurityIntegration {
      requireNonNull(name, "name");
      requireNonNull(options, "options");
    }
  }

  /** {@code ALTER SECURITY INTEGRATION name RENEW TOKEN}. */
  record RenewSecurityIntegrationToken(String name) implements Statement {
    public RenewSecurityIntegrationToken {
      requireNonNull(name, "name");
    }
  }

  record ListSecurityIntegrations() implements Statement {}

  record DescribeSecurityIntegration(String name) implements Statement {
    public DescribeSecurityIntegration {
      requireNonNull(name, "name");
    }
  }

  record DropSecurityIntegration(String name, boolean ifExists) implements Statement {
    public DropSecurityIntegration {
      requireNonNull(name, "name");
    }
  }

  /**
   * {@code LIST PROVISIONING EVENTS [FOR SECURITY INTEGRATION name] [LIMIT n]}: no integration
   * means all of them; {@code limit} is 1 to {@link #MAX_LIMIT}.
   */
  record ListProvisioningEvents(java.util.Optional<String> integration, int limit)
      implements Statement {
    public ListProvisioningEvents {
      requireNonNull(integration, "integration");
      requireLimit(limit);
    }
  }

  /** {@code LIST AUDIT EVENTS [LIMIT n]}. */
  record ListAuditEvents(int limit) implements Statement {
    public ListAuditEvents {
      requireLimit(limit);
    }
  }

  /** The most rows a LIST ... EVENTS may ask for, and how many it answers without LIMIT. */
  int MAX_LIMIT = 1000;

  int DEFAULT_LIMIT = 100;

  private static void requireLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
    }
  }

  /** An unmodifiable, non-empty copy that iterates in the enum's declaration order. */
  private static Set<Privilege> privilegeSet(Set<Privilege> privileges) {
    requireNonNull(privileges, "privileges");
    if (privileges.isEmpty()) {
      throw new IllegalArgumentException("at least one privilege is required");
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(privileges));
  }
}
