package dev.rollcall.scim.resource;

import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The schemas an organization's SCIM endpoint speaks: the built-in User, Group and EnterpriseUser.
 */
@ApplicationScoped
public class ScimSchemas {
  private static final SchemaRegistry BUILT_IN = SchemaRegistry.builtIn();

  public SchemaRegistry registry(String organizationId) {
    return BUILT_IN;
  }
}
