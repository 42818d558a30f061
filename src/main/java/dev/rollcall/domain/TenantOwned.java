package dev.rollcall.domain;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Superclass of every entity that belongs to one organization. EclipseLink adds {@code org_id =
 * :tenant} to every read, update and delete of these entities and fills the column on insert, from
 * the tenant set on the persistence context for the current transaction (see {@code
 * TenantContext}); no query names the organization by hand.
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
