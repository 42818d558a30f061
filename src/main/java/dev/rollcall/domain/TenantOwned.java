package dev.rollcall.domain;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Superclass of every entity that belongs to one organization. EclipseLink adds {@code org_id =
 * :tenant} to every read, update and delete of these entities and fills the column on insert, from
 * the tenant set on the persistence context for the current transaction (see {@code
 * TenantContext}); no JPQL query names the organization by hand. EclipseLink refuses native SQL,
 * which it cannot scope, unless a query opts in: the one that does ({@code
 * JpaMemberRepository.findByUserNameOrEmail}) names the organization from the persistence context
 * in each of its branches.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = "org_id",
    contextProperty = TenantOwned.TENANT_PROPERTY,
    length = 36)
public abstract class TenantOwned {
  /** The persistence-context property that carries the current organization id. */
  public static final String TENANT_PROPERTY = "eclipselink.tenant-id";
}
