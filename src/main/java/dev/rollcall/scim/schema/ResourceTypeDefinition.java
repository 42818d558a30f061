package dev.rollcall.scim.schema;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;

/**
 * A SCIM resource type (RFC 7643 §6): its endpoint, core schema and schema extensions.
 *
 * @param kind which of Rollcall's resources this is
 * @param description what the resource is, for humans
 * @param schema the core schema
 * @param extensions the schema extensions, each with whether a resource must carry it
 */
public record ResourceTypeDefinition(
    ResourceKind kind, String description, SchemaDefinition schema, List<Extension> extensions) {

  /** A schema extension of a resource type. */
  public record Extension(SchemaDefinition schema, boolean required) {
    public Extension {
      Objects.requireNonNull(schema, "schema");
    }
  }

  public ResourceTypeDefinition {
    Objects.requireNonNull(kind, "kind");
    description = description == null ? "" : description;
    Objects.requireNonNull(schema, "schema");
    extensions = List.copyOf(extensions);
  }

  /** The resource type's id and name: {@code User} or {@code Group}. */
  public String name() {
    return kind.resourceType();
  }

  /** The endpoint relative to the SCIM base URI: {@code /Users} or {@code /Groups}. */
  public String endpoint() {
    return kind.endpoint();
  }

  /**
   * The resource type as {@code /ResourceTypes} serves it (RFC 7643 §6), with {@code meta} pointing
   * at {@code {locationBase}/ResourceTypes/{name}}.
   *
   * @param locationBase the organization's SCIM base URI; a trailing '/' is ignored
   */
  public JsonObject toJson(String locationBase) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("schemas", JSON.createArrayBuilder().add(Schemas.RESOURCE_TYPE_URN))
            .add("id", name())
            .add("name", name())
            .add("endpoint", endpoint())
            .add("description", description)
            .add("schema", schema.id());
    if (!extensions.isEmpty()) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      for (Extension extension : extensions) {
        array.add(
            JSON.createObjectBuilder()
                .add("schema", extension.schema().id())
                .add("required", extension.required()));
      }
      json.add("schemaExtensions", array);
    }
    return json.add(
            "meta",
            JSON.createObjectBuilder()
                .add("resourceType", "ResourceType")
                .add("location", Schemas.location(locationBase, "/ResourceTypes/" + name())))
        .build();
  }
}
