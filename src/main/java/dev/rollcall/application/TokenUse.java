package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.integration.SecurityIntegrationRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * When an integration's token was last used: bookkeeping that authentication writes at most once a
 * minute per integration, in a transaction of its own so that authenticating needs none.
 */
@Stateless
@TenantScoped
public class TokenUse {
  private final SecurityIntegrationRepository integrations;

  @Inject
  public TokenUse(SecurityIntegrationRepository integrations) {
    this.integrations = integrations;
  }

  public TokenUse() {
    this(null);
  }

  /** Records the use unless one was already recorded after {@code notBefore}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(String integrationId, Instant now, Instant notBefore) {
    integrations.recordTokenUse(integrationId, now, notBefore);
  }
}
