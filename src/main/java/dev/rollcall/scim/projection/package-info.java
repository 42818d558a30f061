/**
 * Response projection (RFC 7644 §3.9): which attributes a SCIM response carries, from the {@code
 * attributes} and {@code excludedAttributes} parameters and each attribute's {@code returned}
 * characteristic.
 */
package dev.rollcall.scim.projection;
