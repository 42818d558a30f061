package dev.rollcall.domain.integration;

import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An extension schema an integration declares for users (Immuta-style custom attributes): its URN
 * and its single-valued attributes with their types, written {@code 'badgeNumber string, level
 * integer'}.
 */
public record ExtensionDeclaration(String urn, List<Attribute> attributes) {
  /** Types a declared attribute may have (SCIM names). */
  public enum Type {
    STRING("string"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    DATE_TIME("dateTime"),
    REFERENCE("reference");

    private final String scimName;

    Type(String scimName) {
      this.scimName = scimName;
    }

    public String scimName() {
      return scimName;
    }

    static Type named(String name) {
      for (Type type : values()) {
        if (type.scimName.equalsIgnoreCase(name)) {
          return type;
        }
      }
      throw new InvalidRequestException(
          "Unknown attribute type '"
              + name
              + "'; valid types: string, boolean, integer, decimal, dateTime, reference");
    }
  }

  public record Attribute(String name, Type type) {}

  static final int MAX_ATTRIBUTES = 50;
  private static final Pattern URN =
      Pattern.compile("^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[A-Za-z0-9()+,\\-.:=@;$_!*'%/?#]+$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,127}$");
  private static final Set<String> RESERVED_URNS =
      Set.of(
          "urn:ietf:params:scim:schemas:core:2.0:user",
          "urn:ietf:params:scim:schemas:core:2.0:group",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user");

  public ExtensionDeclaration {
    attributes = List.copyOf(attributes);
  }

  /** Reads a declaration, refusing anything a SCIM schema could not carry. */
  public static ExtensionDeclaration parse(String urn, String attributes, Set<String> takenNames) {
    if (urn == null || urn.length() > 255 || !URN.matcher(urn).matches()) {
      throw new InvalidRequestException(
          "'scim.extension' must be a schema URN such as 'urn:acme:params:scim:schemas:extension:acme:2.0:User'");
    }
    if (RESERVED_URNS.contains(urn.toLowerCase(Locale.ROOT))) {
      throw new InvalidRequestException("'scim.extension' cannot be a built-in schema: " + urn);
    }
    if (attributes == null || attributes.isBlank()) {
      throw new InvalidRequestException(
          "'scim.extension.attributes' must list the attributes, e.g. 'badgeNumber string, level integer'");
    }
    List<Attribute> declared = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String item : attributes.split(",")) {
      String[] parts = item.trim().split("\\s+");
      if (parts.length != 2 || !NAME.matcher(parts[0]).matches()) {
        throw new InvalidRequestException(
            "'" + item.trim() + "' is not 'name type' (e.g. 'level integer')");
      }
      String key = parts[0].toLowerCase(Locale.ROOT);
      if (!seen.add(key)) {
        throw new InvalidRequestException("Attribute '" + parts[0] + "' is declared twice");
      }
      if (takenNames.contains(key)) {
        throw new InvalidRequestException(
            "Attribute '" + parts[0] + "' is already a User attribute; choose another name");
      }
      declared.add(new Attribute(parts[0], Type.named(parts[1])));
    }
    if (declared.size() > MAX_ATTRIBUTES) {
      throw new InvalidRequestException(
          "An extension may declare at most " + MAX_ATTRIBUTES + " attributes");
    }
    ExtensionDeclaration declaration = new ExtensionDeclaration(urn, declared);
    Lengths.require(
        "'scim.extension.attributes'",
        declaration.attributeText(),
        SecurityIntegration.EXTENSION_ATTRIBUTES_LENGTH);
    return declaration;
  }

  /** The attributes as stored: {@code name type, ...}. */
  public String attributeText() {
    return String.join(
        ", ", attributes.stream().map(a -> a.name() + " " + a.type().scimName()).toList());
  }
}
