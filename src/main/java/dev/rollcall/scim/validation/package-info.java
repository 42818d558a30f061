/**
 * Validation of SCIM POST and PUT bodies against the schemas {@code /Schemas} serves: {@link
 * dev.rollcall.scim.validation.ResourceValidator} checks types, required, mutability and canonical
 * values and returns the body cleaned, and {@link
 * dev.rollcall.scim.validation.ScimValidationException} carries the {@code scimType} and the
 * attribute of a failure. Value coercion is {@link dev.rollcall.scim.schema.AttributeValues}'s,
 * shared with the PATCH engine. Nothing here knows about HTTP or storage.
 */
package dev.rollcall.scim.validation;
