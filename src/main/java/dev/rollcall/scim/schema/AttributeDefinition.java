package dev.rollcall.scim.schema;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One attribute of a SCIM schema with its characteristics (RFC 7643 §2.2, §7). Build one with
 * {@link #builder(String, AttributeType)}; the builder starts from the RFC's defaults
 * (single-valued, not required, not case-exact, readWrite, returned by default, not unique).
 *
 * @param name the attribute name as the schema spells it; names compare case-insensitively
 * @param canonicalValues suggested values, e.g. {@code work}, {@code home}; not enforced
 * @param referenceTypes for references: the resource types or {@code external} / {@code uri}
 * @param subAttributes for complex attributes: their sub-attributes, which are never complex
 */
public record AttributeDefinition(
    String name,
    AttributeType type,
    boolean multiValued,
    String description,
    boolean required,
    boolean caseExact,
    Mutability mutability,
    Returned returned,
    Uniqueness uniqueness,
    List<String> canonicalValues,
    List<String> referenceTypes,
    List<AttributeDefinition> subAttributes) {

  public AttributeDefinition {
    Objects.requireNonNull(name, "name");
    if (!isAttributeName(name)) {
      throw new IllegalArgumentException("Invalid attribute name '" + name + "'");
    }
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    Objects.requireNonNull(mutability, "mutability");
    Objects.requireNonNull(returned, "returned");
    Objects.requireNonNull(uniqueness, "uniqueness");
    canonicalValues = List.copyOf(canonicalValues == null ? List.of() : canonicalValues);
    referenceTypes = List.copyOf(referenceTypes == null ? List.of() : referenceTypes);
    subAttributes = List.copyOf(subAttributes == null ? List.of() : subAttributes);
    if (type == AttributeType.COMPLEX && subAttributes.isEmpty()) {
      throw new IllegalArgumentException(
          "The complex attribute '" + name + "' has no sub-attributes");
    }
    if (type != AttributeType.COMPLEX && !subAttributes.isEmpty()) {
      throw new IllegalArgumentException(
          "Only complex attributes have sub-attributes, but '" + name + "' is " + type.scimName());
    }
    Set<String> seen = new HashSet<>();
    for (AttributeDefinition sub : subAttributes) {
      if (sub.type() == AttributeType.COMPLEX) {
        throw new IllegalArgumentException(
            "The sub-attribute '" + name + "." + sub.name() + "' is complex (RFC 7643 §2.3.8)");
      }
      if (!seen.add(sub.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "The sub-attribute '" + name + "." + sub.name() + "' is defined twice");
      }
    }
  }

  /** A builder for an attribute with the RFC 7643 §2.2 defaults. */
  public static Builder builder(String name, AttributeType type) {
    return new Builder(name, type);
  }

  /** A builder starting from this definition, to derive a variant. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether this is a complex attribute. */
  public boolean isComplex() {
    return type == AttributeType.COMPLEX;
  }

  /** The sub-attribute called {@code name}, ignoring case. */
  public Optional<AttributeDefinition> subAttribute(String name) {
    for (AttributeDefinition sub : subAttributes) {
      if (sub.name().equalsIgnoreCase(name)) {
        return Optional.of(sub);
      }
    }
    return Optional.empty();
  }

  /** Whether the attribute's name is {@code name}, ignoring case. */
  public boolean nameMatches(String name) {
    return this.name.equalsIgnoreCase(name);
  }

  /** The attribute as RFC 7643 §7 renders it inside a schema's {@code attributes}. */
  public JsonObject toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("name", name)
            .add("type", type.scimName())
            .add("multiValued", multiValued)
            .add("description", description)
            .add("required", required);
    if (!canonicalValues.isEmpty()) {
      json.add("canonicalValues", strings(canonicalValues));
    }
    json.add("caseExact", caseExact)
        .add("mutability", mutability.scimName())
        .add("returned", returned.scimName())
        .add("uniqueness", uniqueness.scimName());
    if (type == AttributeType.REFERENCE) {
      json.add("referenceTypes", strings(referenceTypes));
    }
    if (isComplex()) {
      JsonArrayBuilder subs = JSON.createArrayBuilder();
      subAttributes.forEach(sub -> subs.add(sub.toJson()));
      json.add("subAttributes", subs);
    }
    return json.build();
  }

  /**
   * Reads an attribute from RFC 7643 §7 JSON, e.g. one an organization declares in an extension
   * schema. Missing characteristics take the RFC's defaults.
   *
   * @throws IllegalArgumentException naming the attribute and characteristic that is wrong
   */
  public static AttributeDefinition fromJson(JsonObject json) {
    return SchemaJson.attribute(json, "");
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  /** RFC 7643 ATTRNAME (a letter, then letters, digits, '-' or '_'), or {@code $ref}. */
  static boolean isAttributeName(String name) {
    if (name.equals("$ref")) {
      return true;
    }
    if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Builds an {@link AttributeDefinition}; starts from the RFC 7643 §2.2 defaults. */
  public static final class Builder {
    private final String name;
    private final AttributeType type;
    private boolean multiValued;
    private String description = "";
    private boolean required;
    private boolean caseExact;
    private Mutability mutability = Mutability.READ_WRITE;
    private Returned returned = Returned.DEFAULT;
    private Uniqueness uniqueness = Uniqueness.NONE;
    private List<String> canonicalValues = List.of();
    private List<String> referenceTypes = List.of();
    private final List<AttributeDefinition> subAttributes = new ArrayList<>();

    private Builder(String name, AttributeType type) {
      this.name = name;
      this.type = type;
    }

    private Builder(AttributeDefinition from) {
      this.name = from.name;
      this.type = from.type;
      this.multiValued = from.multiValued;
      this.description = from.description;
      this.required = from.required;
      this.caseExact = from.caseExact;
      this.mutability = from.mutability;
      this.returned = from.returned;
      this.uniqueness = from.uniqueness;
      this.canonicalValues = from.canonicalValues;
      this.referenceTypes = from.referenceTypes;
      this.subAttributes.addAll(from.subAttributes);
    }

    public Builder multiValued() {
      return multiValued(true);
    }

    public Builder multiValued(boolean multiValued) {
      this.multiValued = multiValued;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder required() {
      return required(true);
    }

    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    public Builder caseExact() {
      return caseExact(true);
    }

    public Builder caseExact(boolean caseExact) {
      this.caseExact = caseExact;
      return this;
    }

    public Builder mutability(Mutability mutability) {
      this.mutability = mutability;
      return this;
    }

    public Builder readOnly() {
      return mutability(Mutability.READ_ONLY);
    }

    public Builder immutable() {
      return mutability(Mutability.IMMUTABLE);
    }

    public Builder returned(Returned returned) {
      this.returned = returned;
      return this;
    }

    public Builder uniqueness(Uniqueness uniqueness) {
      this.uniqueness = uniqueness;
      return this;
    }

    public Builder canonicalValues(String... values) {
      return canonicalValues(List.of(values));
    }

    public Builder canonicalValues(List<String> values) {
      this.canonicalValues = List.copyOf(values);
      return this;
    }

    public Builder referenceTypes(String... types) {
      return referenceTypes(List.of(types));
    }

    public Builder referenceTypes(List<String> types) {
      this.referenceTypes = List.copyOf(types);
      return this;
    }

    public Builder subAttributes(AttributeDefinition... subs) {
      return subAttributes(List.of(subs));
    }

    /** Replaces the sub-attributes with {@code subs}. */
    public Builder subAttributes(List<AttributeDefinition> subs) {
      this.subAttributes.clear();
      this.subAttributes.addAll(subs);
      return this;
    }

    public AttributeDefinition build() {
      return new AttributeDefinition(
          name,
          type,
          multiValued,
          description,
          required,
          caseExact,
          mutability,
          returned,
          uniqueness,
          canonicalValues,
          referenceTypes,
          subAttributes);
    }
  }
}
