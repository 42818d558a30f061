package dev.rollcall.scim.resource;

import dev.rollcall.application.SecurityIntegrationService;
import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The schemas an organization's SCIM endpoint speaks: the built-in User, Group and EnterpriseUser,
 * plus the extension schemas its security integrations declare. Built once per request.
 */
@RequestScoped
public class ScimSchemas {
  private final SecurityIntegrationService integrations;
  private List<ExtensionDeclaration> extensions;
  private SchemaRegistry registry;

  @Inject
  public ScimSchemas(SecurityIntegrationService integrations) {
    this.integrations = integrations;
  }

  protected ScimSchemas() {
    this.integrations = null;
  }

  public SchemaRegistry registry(String organizationId) {
    if (registry == null) {
      registry =
          SchemaRegistry.withExtensions(
              extensions().stream().map(ScimSchemas::definition).toList());
    }
    return registry;
  }

  /** The declared extension schemas, read once per request. */
  public List<ExtensionDeclaration> extensions() {
    if (extensions == null) {
      extensions = integrations.extensions();
    }
    return extensions;
  }

  static SchemaDefinition definition(ExtensionDeclaration extension) {
    List<AttributeDefinition> attributes =
        extension.attributes().stream()
            .map(
                a ->
                    AttributeDefinition.builder(a.name(), type(a.type()))
                        .description("Declared by a security integration")
                        .build())
            .toList();
    String urn = extension.urn();
    return new SchemaDefinition(
        urn,
        urn.substring(urn.lastIndexOf(':') + 1),
        "Extension attributes declared by a security integration",
        attributes);
  }

  private static AttributeType type(ExtensionDeclaration.Type type) {
    return switch (type) {
      case STRING -> AttributeType.STRING;
      case BOOLEAN -> AttributeType.BOOLEAN;
      case INTEGER -> AttributeType.INTEGER;
      case DECIMAL -> AttributeType.DECIMAL;
      case DATE_TIME -> AttributeType.DATE_TIME;
      case REFERENCE -> AttributeType.REFERENCE;
    };
  }
}
