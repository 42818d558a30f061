package dev.rollcall.scim.schema;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.query.AttributePath;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The schemas one organization's SCIM endpoint knows: the built-in ones ({@link Schemas}) plus any
 * extension schemas the organization declared. It resolves attribute paths for the PATCH engine,
 * filters and projections, and renders {@code /Schemas} and {@code /ResourceTypes}. Immutable and
 * thread-safe.
 */
public final class SchemaRegistry {

  private static final SchemaRegistry BUILT_IN = new SchemaRegistry(List.of(), List.of());

  private final List<SchemaDefinition> userExtensions;
  private final List<SchemaDefinition> groupExtensions;
  private final ResourceTypeDefinition userType;
  private final ResourceTypeDefinition groupType;

  private SchemaRegistry(
      List<SchemaDefinition> userDeclared, List<SchemaDefinition> groupDeclared) {
    Set<String> ids = new HashSet<>();
    for (SchemaDefinition builtIn : List.of(Schemas.USER, Schemas.ENTERPRISE_USER, Schemas.GROUP)) {
      ids.add(builtIn.id().toLowerCase(Locale.ROOT));
    }
    for (SchemaDefinition declared : concat(userDeclared, groupDeclared)) {
      Objects.requireNonNull(declared, "extension schema");
      if (!ids.add(declared.id().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "The extension schema " + declared.id() + " is already defined");
      }
    }
    List<SchemaDefinition> users = new ArrayList<>();
    users.add(Schemas.ENTERPRISE_USER);
    users.addAll(userDeclared);
    this.userExtensions = List.copyOf(users);
    this.groupExtensions = List.copyOf(groupDeclared);
    this.userType = resourceType(ResourceKind.USER, "User Account", Schemas.USER, userExtensions);
    this.groupType = resourceType(ResourceKind.GROUP, "Group", Schemas.GROUP, groupExtensions);
  }

  /** The built-in schemas only: core User with the enterprise extension, and core Group. */
  public static SchemaRegistry builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in schemas plus extension schemas an organization declared for its users.
   *
   * @throws IllegalArgumentException if an extension reuses the URN of another schema
   */
  public static SchemaRegistry withExtensions(List<SchemaDefinition> userExtensions) {
    return withExtensions(userExtensions, List.of());
  }

  /**
   * The built-in schemas plus extension schemas an organization declared for users and for groups.
   *
   * @throws IllegalArgumentException if an extension reuses the URN of another schema
   */
  public static SchemaRegistry withExtensions(
      List<SchemaDefinition> userExtensions, List<SchemaDefinition> groupExtensions) {
    if (userExtensions.isEmpty() && groupExtensions.isEmpty()) {
      return BUILT_IN;
    }
    return new SchemaRegistry(List.copyOf(userExtensions), List.copyOf(groupExtensions));
  }

  /** The core schema of a kind of resource. */
  public SchemaDefinition coreSchema(ResourceKind kind) {
    return kind == ResourceKind.USER ? Schemas.USER : Schemas.GROUP;
  }

  /**
   * The schema extensions of a kind of resource; for users the enterprise extension comes first.
   */
  public List<SchemaDefinition> extensions(ResourceKind kind) {
    return kind == ResourceKind.USER ? userExtensions : groupExtensions;
  }

  /** Every schema, in the order {@code /Schemas} lists them. */
  public List<SchemaDefinition> schemas() {
    List<SchemaDefinition> all = new ArrayList<>();
    all.add(Schemas.USER);
    all.addAll(userExtensions);
    all.add(Schemas.GROUP);
    all.addAll(groupExtensions);
    return List.copyOf(all);
  }

  /** The schema with the URN {@code id}, ignoring case. */
  public Optional<SchemaDefinition> schema(String id) {
    return schemas().stream().filter(schema -> schema.idMatches(id)).findFirst();
  }

  /** The core schema or schema extension of {@code kind} with the URN {@code id}, ignoring case. */
  public Optional<SchemaDefinition> schema(String id, ResourceKind kind) {
    if (coreSchema(kind).idMatches(id)) {
      return Optional.of(coreSchema(kind));
    }
    return extension(id, kind);
  }

  /** The schema extension of {@code kind} with the URN {@code id}, ignoring case. */
  public Optional<SchemaDefinition> extension(String id, ResourceKind kind) {
    return extensions(kind).stream().filter(schema -> schema.idMatches(id)).findFirst();
  }

  public ResourceTypeDefinition resourceType(ResourceKind kind) {
    return kind == ResourceKind.USER ? userType : groupType;
  }

  public List<ResourceTypeDefinition> resourceTypes() {
    return List.of(userType, groupType);
  }

  /**
   * Finds what an attribute path names in a kind of resource. A path with a schema URN is looked up
   * in that schema only (the core schema's URN also reaches the common attributes). A path without
   * one is looked up in the core schema, then among the common attributes, then in the extensions
   * in order. Names compare case-insensitively.
   *
   * @return empty if the schema, the attribute or the sub-attribute does not exist, or the path
   *     names a sub-attribute of an attribute that is not complex
   */
  public Optional<ResolvedAttribute> resolve(AttributePath path, ResourceKind kind) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Optional<ResolvedAttribute> top;
    if (path.hasSchemaUrn()) {
      top =
          schema(path.schemaUrn(), kind)
              .flatMap(schema -> attributeIn(schema, path.attribute(), kind));
    } else {
      top = attributeIn(coreSchema(kind), path.attribute(), kind);
      for (SchemaDefinition extension : extensions(kind)) {
        if (top.isPresent()) {
          break;
        }
        top = attributeIn(extension, path.attribute(), kind);
      }
    }
    if (top.isEmpty() || !path.hasSubAttribute()) {
      return top;
    }
    ResolvedAttribute resolved = top.get();
    return resolved
        .attribute()
        .subAttribute(path.subAttribute())
        .map(
            sub ->
                new ResolvedAttribute(
                    resolved.schema(), resolved.extension(), resolved.attribute(), sub));
  }

  private Optional<ResolvedAttribute> attributeIn(
      SchemaDefinition schema, String name, ResourceKind kind) {
    boolean core = schema == coreSchema(kind);
    Optional<AttributeDefinition> attribute = schema.attribute(name);
    if (attribute.isEmpty() && core) {
      attribute =
          Schemas.COMMON_ATTRIBUTES.stream().filter(common -> common.nameMatches(name)).findFirst();
    }
    return attribute.map(found -> new ResolvedAttribute(schema, !core, found, null));
  }

  /**
   * The {@code /Schemas} response: a ListResponse (RFC 7644 §3.4.2) of every schema, each as {@link
   * SchemaDefinition#toJson(String)} renders it.
   */
  public JsonObject schemasJson(String locationBase) {
    JsonArrayBuilder resources = JSON.createArrayBuilder();
    List<SchemaDefinition> all = schemas();
    all.forEach(schema -> resources.add(schema.toJson(locationBase)));
    return listResponse(all.size(), resources);
  }

  /** The {@code /ResourceTypes} response: a ListResponse of the User and Group resource types. */
  public JsonObject resourceTypesJson(String locationBase) {
    JsonArrayBuilder resources = JSON.createArrayBuilder();
    resourceTypes().forEach(type -> resources.add(type.toJson(locationBase)));
    return listResponse(resourceTypes().size(), resources);
  }

  private static JsonObject listResponse(int count, JsonArrayBuilder resources) {
    return JSON.createObjectBuilder()
        .add("schemas", JSON.createArrayBuilder().add(Schemas.LIST_RESPONSE_URN))
        .add("totalResults", count)
        .add("itemsPerPage", count)
        .add("startIndex", 1)
        .add("Resources", resources)
        .build();
  }

  private static ResourceTypeDefinition resourceType(
      ResourceKind kind,
      String description,
      SchemaDefinition schema,
      List<SchemaDefinition> extensions) {
    return new ResourceTypeDefinition(
        kind,
        description,
        schema,
        extensions.stream()
            .map(extension -> new ResourceTypeDefinition.Extension(extension, false))
            .toList());
  }

  private static List<SchemaDefinition> concat(
      List<SchemaDefinition> first, List<SchemaDefinition> second) {
    List<SchemaDefinition> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
