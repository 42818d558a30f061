package dev.rollcall.it;

import dev.rollcall.application.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Runs a piece of an in-container test inside one organization, as an authenticated request would.
 */
@ApplicationScoped
public class InContainer {
  @Inject TenantContext tenant;

  public <T> T in(String organizationId, Supplier<T> work) {
    tenant.enter(organizationId);
    return work.get();
  }

  public void run(String organizationId, Runnable work) {
    tenant.enter(organizationId);
    work.run();
  }
}
