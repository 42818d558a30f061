package dev.rollcall.application;

/**
 * Something a SCIM token of the organization authenticates as has changed: an integration was
 * created, renewed or dropped, or a privilege or role-to-role grant that a run-as role may rely on
 * was added or taken away. Announced by the services that make the change; {@link ScimPrincipals}
 * forgets the organization's tokens once the transaction has ended.
 */
public record ScimAccessChanged(String organizationId) {}
