package dev.rollcall.query;

import java.util.Locale;
import java.util.Objects;

/**
 * An attribute path (RFC 7644 attrPath, RFC 7643 §2.1): an optional schema URN, an attribute name
 * and an optional sub-attribute name, each kept as written.
 *
 * <p>{@code name.familyName} is {@code (null, "name", "familyName")}; {@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value} is {@code
 * ("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", "value")}. SCIM names
 * and schema URNs compare case-insensitively: use the {@code *Matches} helpers or {@link
 * #normalized()} rather than {@code equals}, which is case-sensitive.
 *
 * @param schemaUrn the schema URN before the attribute name, or null when the path has none
 * @param attribute the attribute name
 * @param subAttribute the sub-attribute name, or null
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute) {

  public AttributePath {
    Objects.requireNonNull(attribute, "attribute");
    if (attribute.isEmpty()) {
      throw new IllegalArgumentException("The attribute name is empty");
    }
    if (schemaUrn != null && schemaUrn.isEmpty()) {
      throw new IllegalArgumentException("The schema URN is empty; use null for none");
    }
    if (subAttribute != null && subAttribute.isEmpty()) {
      throw new IllegalArgumentException("The sub-attribute name is empty; use null for none");
    }
  }

  /** A path to a top-level attribute without a schema URN, e.g. {@code userName}. */
  public static AttributePath of(String attribute) {
    return new AttributePath(null, attribute, null);
  }

  /** A path to a sub-attribute without a schema URN, e.g. {@code name.familyName}. */
  public static AttributePath of(String attribute, String subAttribute) {
    return new AttributePath(null, attribute, subAttribute);
  }

  public boolean hasSchemaUrn() {
    return schemaUrn != null;
  }

  public boolean hasSubAttribute() {
    return subAttribute != null;
  }

  /** The path without its schema URN, as written: {@code attribute} or {@code attribute.sub}. */
  public String name() {
    return subAttribute == null ? attribute : attribute + "." + subAttribute;
  }

  /** Whether the attribute name is {@code name}, ignoring case. */
  public boolean attributeMatches(String name) {
    return attribute.equalsIgnoreCase(name);
  }

  /** Whether there is a sub-attribute and it is {@code name}, ignoring case. */
  public boolean subAttributeMatches(String name) {
    return subAttribute != null && subAttribute.equalsIgnoreCase(name);
  }

  /** Whether there is a schema URN and it is {@code urn}, ignoring case. */
  public boolean schemaMatches(String urn) {
    return schemaUrn != null && schemaUrn.equalsIgnoreCase(urn);
  }

  /**
   * Whether {@link #name()} is {@code dottedName} (e.g. {@code "emails.value"}), ignoring case. The
   * schema URN is not compared.
   */
  public boolean nameMatches(String dottedName) {
    return name().equalsIgnoreCase(dottedName);
  }

  /** The whole path in lower case, for use as a case-insensitive key. */
  public String normalized() {
    return render().toLowerCase(Locale.ROOT);
  }

  /** The path as written in filter text, e.g. {@code urn:...:User:manager.value}. */
  public String render() {
    return schemaUrn == null ? name() : schemaUrn + ":" + name();
  }

  @Override
  public String toString() {
    return render();
  }
}
