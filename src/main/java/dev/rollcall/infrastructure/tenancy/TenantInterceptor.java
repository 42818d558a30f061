package dev.rollcall.infrastructure.tenancy;

import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.TenantOwned;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;

/**
 * The one place the tenant reaches the persistence layer: before a {@link TenantScoped} method runs
 * (inside its transaction), the request's organization becomes the EclipseLink tenant of the
 * transaction's persistence context. Queries then see and change only that organization's rows;
 * without a tenant they fail rather than see every organization.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantInterceptor {
  private final EntityManager entityManager;
  private final TenantContext tenant;

  @Inject
  public TenantInterceptor(EntityManager entityManager, TenantContext tenant) {
    this.entityManager = entityManager;
    this.tenant = tenant;
  }

  @AroundInvoke
  public Object enterTenant(InvocationContext invocation) throws Exception {
    entityManager.setProperty(TenantOwned.TENANT_PROPERTY, tenant.require());
    return invocation.proceed();
  }
}
