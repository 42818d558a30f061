package dev.rollcall.domain.integration;

import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.PermissionDeniedException;

/**
 * A SCIM call refused although its token named a known integration (an expired token, a run-as role
 * that may no longer act): the provisioning log records it against that integration. Calls with
 * unknown tokens name none and are not recorded.
 */
public interface IntegrationRefusal {
  /** The integration whose token was refused. */
  Refused integration();

  /** What the provisioning log needs of the refused integration. */
  record Refused(String id, String name) {
    static Refused of(SecurityIntegration integration) {
      return new Refused(integration.id(), integration.name());
    }
  }

  /** 401 for a known integration's token that may no longer be used (expired). */
  final class Expired extends AuthenticationException implements IntegrationRefusal {
    private static final long serialVersionUID = 1L;
    private final Refused integration;

    public Expired(String message, SecurityIntegration integration) {
      super(message);
      this.integration = Refused.of(integration);
    }

    @Override
    public Refused integration() {
      return integration;
    }
  }

  /** 403 for a known integration whose run-as role may not act. */
  final class Forbidden extends PermissionDeniedException implements IntegrationRefusal {
    private static final long serialVersionUID = 1L;
    private final Refused integration;

    public Forbidden(String message, SecurityIntegration integration) {
      super(message);
      this.integration = Refused.of(integration);
    }

    @Override
    public Refused integration() {
      return integration;
    }
  }
}
