package dev.rollcall.scim.projection;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.query.AttributePath;
import dev.rollcall.scim.filter.FilterParser;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.ResolvedAttribute;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.Returned;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.Schemas;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which attributes a response carries (RFC 7644 §3.9, RFC 7643 §2.2 "returned"), from the {@code
 * attributes} and {@code excludedAttributes} parameters:
 *
 * <ul>
 *   <li>{@code schemas} and {@code id}, and attributes returned {@code always}, are always there;
 *       attributes returned {@code never} ({@code password}) never are;
 *   <li>with {@code attributes}, only the named attributes (and the always-returned ones) are
 *       there; naming {@code name.givenName} keeps only that sub-attribute of {@code name}; naming
 *       a schema URN keeps all of that schema's attributes; attributes returned {@code request} are
 *       there only when named;
 *   <li>otherwise every attribute returned by {@code default} is there unless {@code
 *       excludedAttributes} names it (or its schema); naming a sub-attribute drops only that.
 * </ul>
 *
 * <p>Names are case-insensitive and may be URN-qualified. Names the resource type does not have are
 * ignored, as are attributes of the resource that its schemas do not define. When both parameters
 * are given, {@code attributes} wins and {@code excludedAttributes} is ignored. Extension URNs are
 * dropped from {@code schemas} when none of the extension's attributes remain. Immutable and
 * thread-safe.
 */
public final class AttributeProjection {

  /** What is selected of one attribute: everything, or some of its sub-attributes. */
  private static final class Selection {
    boolean whole;
    final Set<String> subs = new HashSet<>();
  }

  private enum Mode {
    NONE,
    /** The attribute with its sub-attributes as their own returned characteristics allow. */
    FULL,
    /** Only the sub-attributes named in {@code attributes}. */
    ONLY_SUBS,
    /** The attribute without the sub-attributes named in {@code excludedAttributes}. */
    WITHOUT_SUBS
  }

  private final SchemaRegistry registry;
  private final ResourceKind kind;
  private final boolean explicit;
  private final Set<String> schemas = new HashSet<>();
  private final Map<String, Selection> selections = new HashMap<>();

  private AttributeProjection(
      SchemaRegistry registry, ResourceKind kind, boolean explicit, String list) {
    this.registry = registry;
    this.kind = kind;
    this.explicit = explicit;
    if (list != null) {
      for (String item : list.split(",")) {
        select(item.trim());
      }
    }
  }

  /**
   * The projection the query parameters ask for.
   *
   * @param attributes the {@code attributes} parameter, or null / blank when absent
   * @param excludedAttributes the {@code excludedAttributes} parameter, or null / blank when absent
   * @throws dev.rollcall.scim.filter.InvalidPathException if a name is not an attribute path (SCIM
   *     answers it with {@code invalidPath})
   */
  public static AttributeProjection of(
      SchemaRegistry registry, ResourceKind kind, String attributes, String excludedAttributes) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(kind, "kind");
    if (attributes != null && !attributes.isBlank()) {
      return new AttributeProjection(registry, kind, true, attributes);
    }
    boolean excluding = excludedAttributes != null && !excludedAttributes.isBlank();
    return new AttributeProjection(registry, kind, false, excluding ? excludedAttributes : null);
  }

  /** The default projection: every attribute returned by default. */
  public static AttributeProjection defaults(SchemaRegistry registry, ResourceKind kind) {
    return of(registry, kind, null, null);
  }

  private void select(String item) {
    if (item.isEmpty()) {
      return;
    }
    Optional<SchemaDefinition> schema = registry.schema(item, kind);
    if (schema.isPresent()) {
      schemas.add(fold(schema.get().id()));
      return;
    }
    AttributePath path = FilterParser.parsePath(item);
    Optional<ResolvedAttribute> resolved = registry.resolve(path, kind);
    if (resolved.isEmpty()) {
      return;
    }
    ResolvedAttribute attribute = resolved.get();
    Selection selection =
        selections.computeIfAbsent(
            key(attribute.schema(), attribute.attribute()), k -> new Selection());
    if (attribute.hasSubAttribute()) {
      selection.subs.add(fold(attribute.subAttribute().name()));
    } else {
      selection.whole = true;
    }
  }

  /**
   * Whether the response may carry {@code path}: an attribute ({@code members}), a sub-attribute
   * ({@code emails.value}) or a schema URN, as the parameters would write it. Lets a caller skip
   * loading what will not be returned, e.g. a group's members.
   *
   * @throws dev.rollcall.scim.filter.InvalidPathException if {@code path} is not an attribute path
   */
  public boolean includes(String path) {
    Optional<SchemaDefinition> schema = registry.schema(path, kind);
    if (schema.isPresent()) {
      return schema.get().attributes().stream()
          .anyMatch(attribute -> mode(schema.get(), attribute) != Mode.NONE);
    }
    Optional<ResolvedAttribute> resolved = registry.resolve(FilterParser.parsePath(path), kind);
    if (resolved.isEmpty()) {
      return false;
    }
    ResolvedAttribute attribute = resolved.get();
    Mode mode = mode(attribute.schema(), attribute.attribute());
    if (mode == Mode.NONE || !attribute.hasSubAttribute()) {
      return mode != Mode.NONE;
    }
    return keepsSub(mode, attribute.schema(), attribute.attribute(), attribute.subAttribute());
  }

  /**
   * Whether this projection asks for nothing beyond the defaults (no {@code attributes}, nothing
   * known to exclude): it then changes only what is not returned by default.
   */
  public boolean isDefault() {
    return !explicit && schemas.isEmpty() && selections.isEmpty();
  }

  /** The resource with only the attributes this projection returns. */
  public JsonObject apply(JsonObject resource) {
    SchemaDefinition core = registry.coreSchema(kind);
    JsonObjectBuilder result = JSON.createObjectBuilder();
    Set<String> presentExtensions = new HashSet<>();
    JsonValue schemaList = null;
    for (Map.Entry<String, JsonValue> entry : resource.entrySet()) {
      String key = entry.getKey();
      JsonValue value = entry.getValue();
      if (key.equalsIgnoreCase(Schemas.SCHEMAS_ATTRIBUTE)) {
        schemaList = value;
        continue;
      }
      Optional<SchemaDefinition> extension = registry.extension(key, kind);
      if (extension.isPresent()) {
        if (value instanceof JsonObject object) {
          JsonObject projected = project(extension.get(), object);
          if (!projected.isEmpty()) {
            result.add(extension.get().id(), projected);
            presentExtensions.add(fold(extension.get().id()));
          }
        }
        continue;
      }
      Optional<AttributeDefinition> attribute = coreAttribute(core, key);
      if (attribute.isPresent()) {
        JsonValue projected = project(core, attribute.get(), value);
        if (projected != null) {
          result.add(key, projected);
        }
      }
    }
    JsonObject body = result.build();
    JsonObjectBuilder withSchemas = JSON.createObjectBuilder();
    if (schemaList != null) {
      withSchemas.add(Schemas.SCHEMAS_ATTRIBUTE, schemas(schemaList, presentExtensions));
    }
    body.forEach(withSchemas::add);
    return withSchemas.build();
  }

  private JsonValue schemas(JsonValue list, Set<String> presentExtensions) {
    if (list.getValueType() != JsonValue.ValueType.ARRAY) {
      return list;
    }
    JsonArrayBuilder kept = JSON.createArrayBuilder();
    for (JsonValue urn : list.asJsonArray()) {
      boolean droppedExtension =
          urn instanceof JsonString text
              && registry.extension(text.getString(), kind).isPresent()
              && !presentExtensions.contains(fold(text.getString()));
      if (!droppedExtension) {
        kept.add(urn);
      }
    }
    return kept.build();
  }

  private JsonObject project(SchemaDefinition schema, JsonObject container) {
    JsonObjectBuilder result = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : container.entrySet()) {
      schema
          .attribute(entry.getKey())
          .map(attribute -> project(schema, attribute, entry.getValue()))
          .ifPresent(projected -> result.add(entry.getKey(), projected));
    }
    return result.build();
  }

  /** The attribute's value as returned, or null when it is not returned. */
  private JsonValue project(
      SchemaDefinition schema, AttributeDefinition attribute, JsonValue value) {
    Mode mode = mode(schema, attribute);
    if (mode == Mode.NONE || value == JsonValue.NULL) {
      return null;
    }
    if (!attribute.isComplex()) {
      return value;
    }
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject projected = projectComplex(mode, schema, attribute, value.asJsonObject());
      return projected.isEmpty() ? null : projected;
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      int count = 0;
      for (JsonValue element : value.asJsonArray()) {
        if (element.getValueType() == JsonValue.ValueType.OBJECT) {
          JsonObject projected = projectComplex(mode, schema, attribute, element.asJsonObject());
          if (!projected.isEmpty()) {
            array.add(projected);
            count++;
          }
        }
      }
      return count == 0 ? null : array.build();
    }
    return null;
  }

  private JsonObject projectComplex(
      Mode mode, SchemaDefinition schema, AttributeDefinition attribute, JsonObject value) {
    JsonObjectBuilder result = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : value.entrySet()) {
      Optional<AttributeDefinition> sub = attribute.subAttribute(entry.getKey());
      if (sub.isPresent()
          && entry.getValue() != JsonValue.NULL
          && keepsSub(mode, schema, attribute, sub.get())) {
        result.add(entry.getKey(), entry.getValue());
      }
    }
    return result.build();
  }

  private Mode mode(SchemaDefinition schema, AttributeDefinition attribute) {
    if (attribute.returned() == Returned.NEVER) {
      return Mode.NONE;
    }
    if (attribute.returned() == Returned.ALWAYS || attribute.nameMatches("id")) {
      return Mode.FULL;
    }
    Selection selection = selections.get(key(schema, attribute));
    boolean schemaNamed = schemas.contains(fold(schema.id()));
    if (explicit) {
      if (schemaNamed || (selection != null && selection.whole)) {
        return Mode.FULL;
      }
      return selection == null ? Mode.NONE : Mode.ONLY_SUBS;
    }
    if (attribute.returned() == Returned.REQUEST || schemaNamed) {
      return Mode.NONE;
    }
    if (selection == null) {
      return Mode.FULL;
    }
    return selection.whole ? Mode.NONE : Mode.WITHOUT_SUBS;
  }

  private boolean keepsSub(
      Mode mode, SchemaDefinition schema, AttributeDefinition attribute, AttributeDefinition sub) {
    if (sub.returned() == Returned.NEVER) {
      return false;
    }
    if (sub.returned() == Returned.ALWAYS) {
      return true;
    }
    Selection selection = selections.get(key(schema, attribute));
    boolean named = selection != null && selection.subs.contains(fold(sub.name()));
    return switch (mode) {
      case NONE -> false;
      case FULL -> sub.returned() != Returned.REQUEST || explicit;
      case ONLY_SUBS -> named;
      case WITHOUT_SUBS -> !named && sub.returned() != Returned.REQUEST;
    };
  }

  private static Optional<AttributeDefinition> coreAttribute(SchemaDefinition core, String name) {
    Optional<AttributeDefinition> attribute = core.attribute(name);
    if (attribute.isPresent()) {
      return attribute;
    }
    return Schemas.COMMON_ATTRIBUTES.stream().filter(a -> a.nameMatches(name)).findFirst();
  }

  private static String key(SchemaDefinition schema, AttributeDefinition attribute) {
    return fold(schema.id()) + "|" + fold(attribute.name());
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
