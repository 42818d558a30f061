package dev.rollcall.application.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization the current request works in. Set once, by the component that authenticates the
 * request (or by the service that creates an organization); read by the tenant interceptor in
 * infrastructure, which puts it on the persistence context of every tenant-scoped transaction.
 */
@RequestScoped
public class TenantContext {
  private String organizationId;

  /**
   * Enters an organization. Transactions started afterwards work in it; one that is already running
   * keeps the organization it started with.
   */
  public void enter(String organizationId) {
    this.organizationId = Objects.requireNonNull(organizationId);
  }

  public Optional<String> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  public String require() {
    if (organizationId == null) {
      throw new IllegalStateException("no organization entered for this request");
    }
    return organizationId;
  }
}
