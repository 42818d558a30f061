/**
 * SCIM PATCH (RFC 7644 §3.5.2): {@link dev.rollcall.scim.patch.PatchRequest} reads a request body,
 * {@link dev.rollcall.scim.patch.PatchEngine} applies it to a resource's JSON or plans it for a
 * group without loading the group's members, and {@link dev.rollcall.scim.patch.ScimPatchException}
 * carries the {@code scimType} of a failure. The engine's Javadoc lists how it reads the cases the
 * RFC and Microsoft Entra ID leave open.
 */
package dev.rollcall.scim.patch;
