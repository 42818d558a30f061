package dev.rollcall.scim.schema;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A SCIM schema (RFC 7643 §7): its URN, name, description and top-level attributes.
 *
 * @param id the schema URN, e.g. {@code urn:ietf:params:scim:schemas:core:2.0:User}; URNs compare
 *     case-insensitively
 */
public record SchemaDefinition(
    String id, String name, String description, List<AttributeDefinition> attributes) {

  public SchemaDefinition {
    Objects.requireNonNull(id, "id");
    if (!id.regionMatches(true, 0, "urn:", 0, 4) || id.length() <= 4) {
      throw new IllegalArgumentException("The schema id '" + id + "' is not a URN");
    }
    name = name == null ? "" : name;
    description = description == null ? "" : description;
    attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
    Set<String> seen = new HashSet<>();
    for (AttributeDefinition attribute : attributes) {
      if (!seen.add(attribute.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "The attribute '" + attribute.name() + "' is defined twice in " + id);
      }
    }
  }

  /** The top-level attribute called {@code name}, ignoring case. */
  public Optional<AttributeDefinition> attribute(String name) {
    for (AttributeDefinition attribute : attributes) {
      if (attribute.name().equalsIgnoreCase(name)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** Whether this schema's URN is {@code urn}, ignoring case. */
  public boolean idMatches(String urn) {
    return id.equalsIgnoreCase(urn);
  }

  /**
   * The schema as the {@code /Schemas} endpoint serves it (RFC 7643 §7, §8.7), with {@code meta}
   * pointing at {@code {locationBase}/Schemas/{id}}.
   *
   * @param locationBase the organization's SCIM base URI, e.g. {@code
   *     https://rollcall.example.com/scim/v2/42}; a trailing '/' is ignored
   */
  public JsonObject toJson(String locationBase) {
    JsonArrayBuilder attributeArray = JSON.createArrayBuilder();
    attributes.forEach(attribute -> attributeArray.add(attribute.toJson()));
    return JSON.createObjectBuilder()
        .add("schemas", JSON.createArrayBuilder().add(Schemas.SCHEMA_URN))
        .add("id", id)
        .add("name", name)
        .add("description", description)
        .add("attributes", attributeArray)
        .add(
            "meta",
            JSON.createObjectBuilder()
                .add("resourceType", "Schema")
                .add("location", Schemas.location(locationBase, "/Schemas/" + id)))
        .build();
  }

  /**
   * Reads a schema from RFC 7643 §7 JSON ({@code id}, {@code name}, {@code description}, {@code
   * attributes}), e.g. an extension schema an organization declares.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static SchemaDefinition fromJson(JsonObject json) {
    return SchemaJson.schema(json);
  }
}
