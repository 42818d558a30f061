package dev.rollcall.scim.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an attribute path leads: the schema that defines the attribute, the attribute and, for a
 * path like {@code name.givenName}, the sub-attribute.
 *
 * @param schema the schema that defines the attribute (for a common attribute such as {@code meta}:
 *     the resource's core schema)
 * @param extension whether {@code schema} is a schema extension, whose attributes a resource keeps
 *     in an object under the schema's URN rather than at the top level
 * @param attribute the top-level attribute
 * @param subAttribute the sub-attribute, or null when the path names the whole attribute
 */
public record ResolvedAttribute(
    SchemaDefinition schema,
    boolean extension,
    AttributeDefinition attribute,
    AttributeDefinition subAttribute) {

  public ResolvedAttribute {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(attribute, "attribute");
  }

  public boolean hasSubAttribute() {
    return subAttribute != null;
  }

  public Optional<AttributeDefinition> sub() {
    return Optional.ofNullable(subAttribute);
  }

  /** The definition the path ends at: the sub-attribute if there is one, else the attribute. */
  public AttributeDefinition target() {
    return subAttribute != null ? subAttribute : attribute;
  }

  /**
   * The path with the names spelled as the schema spells them: {@code name.givenName}, or for an
   * extension {@code urn:...:enterprise:2.0:User:manager.value}.
   */
  public String canonicalPath() {
    String name =
        subAttribute == null ? attribute.name() : attribute.name() + "." + subAttribute.name();
    return extension ? schema.id() + ":" + name : name;
  }

  @Override
  public String toString() {
    return canonicalPath();
  }
}
