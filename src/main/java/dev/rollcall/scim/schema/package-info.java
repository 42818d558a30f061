/**
 * The SCIM schema model (RFC 7643): attribute characteristics, the built-in User, Group and
 * enterprise User schemas with Rollcall's {@code orgadmin} flag ({@link
 * dev.rollcall.scim.schema.Schemas}), the per-organization {@link
 * dev.rollcall.scim.schema.SchemaRegistry} that resolves attribute paths, and the JSON of the
 * discovery endpoints ({@code /Schemas}, {@code /ResourceTypes}, {@code /ServiceProviderConfig}).
 * Nothing here knows about HTTP or storage.
 */
package dev.rollcall.scim.schema;
