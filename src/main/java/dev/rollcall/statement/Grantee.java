package dev.rollcall.statement;

import static java.util.Objects.requireNonNull;

/** Who receives (or loses) a role in {@code GRANT ROLE} and {@code REVOKE ROLE}. */
public sealed interface Grantee {

  /** {@code USER 'email'}. */
  record UserGrantee(String email) implements Grantee {
    public UserGrantee {
      requireNonNull(email, "email");
    }
  }

  /** {@code ROLE name}. */
  record RoleGrantee(String role) implements Grantee {
    public RoleGrantee {
      requireNonNull(role, "role");
    }
  }
}
