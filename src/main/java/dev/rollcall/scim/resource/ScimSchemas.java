package dev.rollcall.scim.resource;

import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas an organization's SCIM endpoint speaks: the built-in User, Group and EnterpriseUser,
 * plus the extension schemas its security integrations declare. The declarations come with the
 * request's authentication; the registry built from them is kept for every organization that
 * declares the same ones (most declare none, and share one).
 */
@ApplicationScoped
public class ScimSchemas {
  /** Registries kept; past this, the cache starts over rather than grow without bound. */
  static final int CACHED_REGISTRIES = 1_000;

  private final Map<List<ExtensionDeclaration>, SchemaRegistry> registries =
      new ConcurrentHashMap<>();

  public SchemaRegistry registry(List<ExtensionDeclaration> extensions) {
    SchemaRegistry registry = registries.get(extensions);
    if (registry == null) {
      if (registries.size() >= CACHED_REGISTRIES) {
        registries.clear();
      }
      registry =
          registries.computeIfAbsent(
              List.copyOf(extensions),
              declared ->
                  SchemaRegistry.withExtensions(
                      declared.stream().map(ScimSchemas::definition).toList()));
    }
    return registry;
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
