package dev.rollcall.domain.integration;

import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.PermissionDeniedException;

/**
 * A SCIM call refused although its token named a known integration (an expired token, a run-as role
 * that may no longer act): the provisioning log records it against that integration. Calls with
 * unknown tokens name none and are not recorded.
 */
public interface IntegrationRefusal {
  String integrationId();

  String integrationName();

  /** 401 for a known integration's token that may no longer be used (expired). */
  final class Expired extends AuthenticationException implements IntegrationRefusal {
    private static final long serialVersionUID = 1L;
    private final String integrationId;
    private final String integrationName;

    public Expired(String message, SecurityIntegration integration) {
      super(message);
      this.integrationId = integration.id();
      this.integrationName = integration.name();
    }

    @Override
    public String integrationId() {
      return integrationId;
    }

    @Override
    public String integrationName() {
      return integrationName;
    }
  }

  /** 403 for a known integration whose run-as role may not act. */
  final class Forbidden extends PermissionDeniedException implements IntegrationRefusal {
    private static final long serialVersionUID = 1L;
    private final String integrationId;
    private final String integrationName;

    public Forbidden(String message, SecurityIntegration integration) {
      super(message);
      this.integrationId = integration.id();
      this.integrationName = integration.name();
    }

    @Override
    public String integrationId() {
      return integrationId;
    }

    @Override
    public String integrationName() {
      return integrationName;
    }
  }
}
