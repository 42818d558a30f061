package dev.rollcall.domain.role;

import java.util.Locale;
import java.util.Optional;

/** Organization-level privileges that can be granted to roles (ON ORGANIZATION). */
public enum Privilege {
  /** Create, change and drop members and roles; grant and revoke roles; manage integrations. */
  MANAGE_MEMBERS,
  /** Grant and revoke privileges. */
  MANAGE_GRANTS,
  CREATE_DATABASE,
  CREATE_STORE,
  CREATE_QUERY,
  CREATE_SCHEMA_REGISTRY,
  CREATE_FUNCTION_SOURCE,
  CREATE_DESCRIPTOR_SOURCE,
  CREATE_COMPUTE_POOL,
  CREATE_SECRET,
  USAGE;

  /** Looks a privilege up by its name, ignoring case; empty for an unknown name. */
  public static Optional<Privilege> fromName(String name) {
    String wanted = name.toUpperCase(Locale.ROOT);
    for (Privilege privilege : values()) {
      if (privilege.name().equals(wanted)) {
        return Optional.of(privilege);
      }
    }
    return Optional.empty();
  }
}
