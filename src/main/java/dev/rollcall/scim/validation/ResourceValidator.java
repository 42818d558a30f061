package dev.rollcall.scim.validation;

import static dev.rollcall.json.JsonFactory.JSON;
import static dev.rollcall.scim.schema.ScimType.INVALID_SYNTAX;
import static dev.rollcall.scim.schema.ScimType.INVALID_VALUE;
import static dev.rollcall.scim.schema.ScimType.MUTABILITY;

import dev.rollcall.query.AttributePath;
import dev.rollcall.scim.filter.FilterParser;
import dev.rollcall.scim.filter.ScimSyntaxException;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.AttributeValues;
import dev.rollcall.scim.schema.Caps;
import dev.rollcall.scim.schema.Mutability;
import dev.rollcall.scim.schema.ResolvedAttribute;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.Schemas;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a POST or PUT body against the schemas of its resource type (the ones {@code /Schemas}
 * serves) and returns it cleaned: only what Rollcall keeps, spelled as the schemas spell it, with
 * values of the attributes' types. One pass, driven by the attribute characteristics; the
 * representations read the cleaned body without checking it again.
 *
 * <h2>What the cleaned body is</h2>
 *
 * <ul>
 *   <li>{@code schemas} lists the core schema, then each schema extension that has attributes in
 *       the body. When the request has no {@code schemas} it is added. When it has one, it must be
 *       an array of strings that lists the core schema, else {@code invalidSyntax}: a body that
 *       claims to be something other than the resource it is sent to does not conform to the
 *       request schema (RFC 7644 §3.12). Extension URNs the body lists but does not use, and URNs
 *       Rollcall does not know, are dropped.
 *   <li>Attribute and sub-attribute names match ignoring case and come out spelled as the schema
 *       spells them ({@code USERNAME} → {@code userName}, {@code Name.GivenName} → {@code
 *       name.givenName}). Extension attributes live in an object under the extension's URN; a
 *       URN-qualified key ({@code urn:...:enterprise:2.0:User:department}), a plain name only an
 *       extension defines ({@code department}, as RFC 7644 §3.10 allows) and a dotted key ({@code
 *       name.givenName}, {@code urn:...:User:manager.value}) all land there. The same attribute
 *       given twice (in two spellings or two of these forms) with different values is {@code
 *       invalidSyntax}.
 *   <li>Attributes and sub-attributes no schema defines are dropped, at the top level and inside
 *       complex values alike: RFC 7644 §3.3 lets a provider ignore what it does not support, and
 *       identity providers send their own additions. (PATCH is stricter, because a path that names
 *       nothing cannot be applied.)
 *   <li>Read-only attributes and sub-attributes ({@code id}, {@code meta}, {@code groups}, {@code
 *       members.display}, {@code manager.displayName}) are dropped, as RFC 7643 §2.2 says, without
 *       looking at their values. Write-only ones ({@code password}) are dropped too: Rollcall
 *       stores no passwords, so nothing write-only ever reaches storage or a response; a required
 *       write-only attribute therefore cannot be enforced.
 *   <li>JSON {@code null}, empty arrays and complex values left empty are unassigned (RFC 7643
 *       §2.5) and left out.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * <p>Types follow {@link AttributeValues}, the rules the PATCH engine uses: "True" / "False"
 * strings become booleans (Microsoft Entra ID), numeric strings become integers and decimals,
 * dateTimes must parse, binaries must be base64, and a number given for a string is {@code
 * invalidValue} (no identity provider sends one, and turning {@code 1e3} into text loses what the
 * client meant). A multi-valued attribute may be given one value instead of an array; it becomes an
 * array of one. A complex value may be a bare string when the attribute has a {@code value}
 * sub-attribute ({@code "manager": "id"} is {@code {"value": "id"}}). A string that equals one of
 * the attribute's {@code canonicalValues} ignoring case takes the canonical spelling ({@code Work}
 * → {@code work}) unless the attribute is caseExact; other values are kept, because canonical
 * values are suggestions (RFC 7643 §2.3.1). At most one value of a multi-valued attribute may have
 * {@code primary} true (RFC 7643 §2.4), else {@code invalidValue}.
 *
 * <h2>Required and immutable</h2>
 *
 * <p>A required attribute (a User's {@code userName}, a Group's {@code displayName}) must have a
 * value, and a string one must not be blank; so must a required sub-attribute ({@code
 * emails.value}, {@code members.value}) in each value given. Extension attributes are required only
 * when the extension is there or the resource type requires it. Failures are {@code invalidValue}.
 *
 * <p>{@link #validateForReplace} also compares with the current resource (RFC 7644 §3.5.1): an
 * immutable attribute or sub-attribute that has a value keeps it when the body leaves it out and
 * may not be given a different one ({@code mutability}). In a multi-valued attribute, values are
 * paired by their {@code value} sub-attribute; values that are new or left out are added or
 * removed, which does not change any value's immutable sub-attributes.
 *
 * <h2>Not here</h2>
 *
 * <p>{@code returned} is applied to responses by {@link
 * dev.rollcall.scim.projection.AttributeProjection}. {@code uniqueness} ({@code userName}, a
 * group's {@code displayName}) is enforced by the database's unique keys and the provisioning
 * services, which answer {@code uniqueness} conflicts; checking it here would race with concurrent
 * requests.
 */
public final class ResourceValidator {

  private final SchemaRegistry registry;
  private final ResourceKind kind;

  /** The cleaned attributes, by lower-case schema URN, then by lower-case attribute name. */
  private final Map<String, Map<String, Given>> given = new LinkedHashMap<>();

  /** One cleaned attribute value and the name errors call it by. */
  private record Given(AttributeDefinition attribute, String label, JsonValue value) {}

  private ResourceValidator(SchemaRegistry registry, ResourceKind kind) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Checks a POST body and returns it cleaned, as the class description says.
   *
   * @throws ScimValidationException naming the attribute that is wrong
   */
  public static JsonObject validateForCreate(
      JsonObject body, SchemaRegistry registry, ResourceKind kind) {
    ResourceValidator validator = new ResourceValidator(registry, kind);
    validator.read(Objects.requireNonNull(body, "body"));
    validator.checkRequired();
    return validator.checkSize(validator.build());
  }

  /**
   * Checks a PUT body that is to replace {@code current} and returns it cleaned; immutable values
   * of {@code current} are kept when the body leaves them out.
   *
   * @param current the resource's current representation (what a GET returns, or less: what it
   *     leaves out is not compared)
   * @throws ScimValidationException naming the attribute that is wrong, {@code mutability} for a
   *     changed immutable value
   */
  public static JsonObject validateForReplace(
      JsonObject body, JsonObject current, SchemaRegistry registry, ResourceKind kind) {
    ResourceValidator validator = new ResourceValidator(registry, kind);
    validator.read(Objects.requireNonNull(body, "body"));
    validator.keepImmutable(Objects.requireNonNull(current, "current"));
    validator.checkRequired();
    return validator.checkSize(validator.build());
  }

  /** A user is stored as its cleaned representation: at most {@link Caps#USER_BYTES} of it. */
  private JsonObject checkSize(JsonObject cleaned) {
    if (kind == ResourceKind.USER) {
      long size = Caps.utf8Length(cleaned.toString());
      if (size > Caps.USER_BYTES) {
        throw new ScimValidationException(
            INVALID_VALUE,
            kind.resourceType(),
            "The "
                + kind.resourceType()
                + " would be stored as "
                + size
                + " bytes; at most "
                + Caps.USER_BYTES
                + " are allowed");
      }
    }
    return cleaned;
  }

  // ---- reading the body ----

  private void read(JsonObject body) {
    for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
      String key = entry.getKey();
      JsonValue value = entry.getValue();
      if (key.equalsIgnoreCase(Schemas.SCHEMAS_ATTRIBUTE)) {
        checkSchemas(value);
        continue;
      }
      Optional<SchemaDefinition> schema = registry.schema(key, kind);
      if (schema.isPresent()) {
        readSchemaObject(schema.get(), value);
      } else {
        path(key)
            .flatMap(path -> registry.resolve(path, kind))
            .ifPresent(resolved -> readAttribute(resolved, value));
      }
    }
  }

  private void checkSchemas(JsonValue value) {
    if (value == JsonValue.NULL) {
      return;
    }
    if (!(value instanceof JsonArray array)
        || array.stream().anyMatch(urn -> !(urn instanceof JsonString))) {
      throw new ScimValidationException(
          INVALID_SYNTAX,
          Schemas.SCHEMAS_ATTRIBUTE,
          "schemas must be an array of schema URNs, found " + AttributeValues.shorten(value));
    }
    SchemaDefinition core = registry.coreSchema(kind);
    if (array.getValuesAs(JsonString.class).stream()
        .noneMatch(s -> core.idMatches(s.getString()))) {
      throw new ScimValidationException(
          INVALID_SYNTAX,
          Schemas.SCHEMAS_ATTRIBUTE,
          "schemas must list "
              + core.id()
              + ", the core schema of a "
              + kind.resourceType()
              + ", found "
              + AttributeValues.shorten(value));
    }
  }

  /** An object under a schema URN key: that schema's attributes. */
  private void readSchemaObject(SchemaDefinition schema, JsonValue value) {
    if (value == JsonValue.NULL) {
      return;
    }
    if (!(value instanceof JsonObject object)) {
      throw wrongType(schema.id(), "an object of the schema's attributes", value);
    }
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      path(entry.getKey())
          .filter(path -> !path.hasSchemaUrn())
          .flatMap(
              path ->
                  registry.resolve(
                      new AttributePath(schema.id(), path.attribute(), path.subAttribute()), kind))
          .ifPresent(resolved -> readAttribute(resolved, entry.getValue()));
    }
  }

  private static Optional<AttributePath> path(String key) {
    try {
      return Optional.of(FilterParser.parsePath(key));
    } catch (ScimSyntaxException | IllegalArgumentException e) {
      return Optional.empty(); // not an attribute name: unknown, so ignored
    }
  }

  private void readAttribute(ResolvedAttribute resolved, JsonValue value) {
    AttributeDefinition attribute = resolved.attribute();
    if (!kept(attribute)) {
      return;
    }
    String label = label(resolved.schema(), resolved.extension(), attribute);
    JsonValue cleaned;
    if (resolved.hasSubAttribute()) {
      AttributeDefinition sub = resolved.subAttribute();
      String subLabel = label + "." + sub.name();
      if (attribute.multiValued()) {
        throw new ScimValidationException(
            INVALID_VALUE,
            subLabel,
            subLabel
                + " names a sub-attribute of the multi-valued "
                + label
                + "; give "
                + label
                + " as an array of values");
      }
      if (!kept(sub) || value == JsonValue.NULL) {
        return;
      }
      cleaned = JSON.createObjectBuilder().add(sub.name(), scalar(sub, value, subLabel)).build();
    } else {
      cleaned = value(attribute, value, label);
    }
    if (cleaned != null) {
      put(resolved.schema(), attribute, label, cleaned);
    }
  }

  private void put(
      SchemaDefinition schema, AttributeDefinition attribute, String label, JsonValue value) {
    Map<String, Given> attributes =
        given.computeIfAbsent(fold(schema.id()), id -> new LinkedHashMap<>());
    Given before = attributes.get(fold(attribute.name()));
    JsonValue merged = before == null ? value : merge(attribute, label, before.value(), value);
    attributes.put(fold(attribute.name()), new Given(attribute, label, merged));
  }

  private void set(
      SchemaDefinition schema, AttributeDefinition attribute, String label, JsonValue value) {
    given
        .computeIfAbsent(fold(schema.id()), id -> new LinkedHashMap<>())
        .put(fold(attribute.name()), new Given(attribute, label, value));
  }

  /** Two values given for one attribute: parts of one complex value, or the same value twice. */
  private static JsonValue merge(
      AttributeDefinition attribute, String label, JsonValue first, JsonValue second) {
    if (!attribute.multiValued()
        && first instanceof JsonObject a
        && second instanceof JsonObject b) {
      JsonObjectBuilder merged = JSON.createObjectBuilder();
      for (AttributeDefinition sub : attribute.subAttributes()) {
        JsonValue x = a.get(sub.name());
        JsonValue y = b.get(sub.name());
        if (x != null && y != null && !x.equals(y)) {
          throw givenTwice(label + "." + sub.name());
        }
        if (x != null || y != null) {
          merged.add(sub.name(), x != null ? x : y);
        }
      }
      return merged.build();
    }
    if (!first.equals(second)) {
      throw givenTwice(label);
    }
    return first;
  }

  // ---- values ----

  /** The cleaned value of {@code attribute}, or null when it is unassigned. */
  private static JsonValue value(AttributeDefinition attribute, JsonValue raw, String label) {
    if (raw == JsonValue.NULL) {
      return null;
    }
    if (attribute.multiValued()) {
      return multiValued(attribute, raw, label);
    }
    if (attribute.isComplex()) {
      JsonObject object = complex(attribute, raw, label);
      return object.isEmpty() ? null : object;
    }
    return scalar(attribute, raw, label);
  }

  private static JsonValue multiValued(AttributeDefinition attribute, JsonValue raw, String label) {
    List<JsonValue> elements = AttributeValues.elements(raw);
    int cap = Caps.values(attribute);
    if (elements.size() > cap) {
      throw new ScimValidationException(
          INVALID_VALUE,
          label,
          label + " has " + elements.size() + " values; at most " + cap + " are allowed");
    }
    List<JsonValue> values = new ArrayList<>();
    for (JsonValue element : elements) {
      String at = label + "[" + values.size() + "]";
      if (element == JsonValue.NULL) {
        throw wrongType(at, "a value", element);
      }
      if (element.getValueType() == JsonValue.ValueType.ARRAY) {
        throw wrongType(at, "a single value, not an array", element);
      }
      values.add(
          attribute.isComplex() ? complex(attribute, element, at) : scalar(attribute, element, at));
    }
    if (values.isEmpty()) {
      return null;
    }
    checkOnePrimary(attribute, values, label);
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array.build();
  }

  private static JsonObject complex(AttributeDefinition attribute, JsonValue raw, String label) {
    JsonObject object =
        AttributeValues.complexValue(attribute, raw)
            .orElseThrow(() -> wrongType(label, "an object of sub-attributes", raw));
    Map<String, JsonValue> subs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      Optional<AttributeDefinition> sub = attribute.subAttribute(entry.getKey());
      if (sub.isEmpty() || !kept(sub.get()) || entry.getValue() == JsonValue.NULL) {
        continue;
      }
      String at = label + "." + sub.get().name();
      JsonValue value = scalar(sub.get(), entry.getValue(), at);
      JsonValue before = subs.putIfAbsent(sub.get().name(), value);
      if (before != null && !before.equals(value)) {
        throw givenTwice(at);
      }
    }
    JsonObjectBuilder result = JSON.createObjectBuilder();
    for (AttributeDefinition sub : attribute.subAttributes()) {
      JsonValue value = subs.get(sub.name());
      if (value != null) {
        result.add(sub.name(), value);
      }
    }
    return result.build();
  }

  private static JsonValue scalar(AttributeDefinition attribute, JsonValue raw, String label) {
    JsonValue value =
        AttributeValues.coerce(attribute, raw)
            .orElseThrow(() -> wrongType(label, AttributeValues.expected(attribute.type()), raw));
    if (value instanceof JsonString s
        && attribute.type() == AttributeType.STRING
        && !attribute.caseExact()) {
      for (String canonical : attribute.canonicalValues()) {
        if (canonical.equalsIgnoreCase(s.getString())) {
          return JSON.createValue(canonical);
        }
      }
    }
    return value;
  }

  /** At most one value with {@code primary} true (RFC 7643 §2.4). */
  private static void checkOnePrimary(
      AttributeDefinition attribute, List<JsonValue> values, String label) {
    Optional<AttributeDefinition> primary = attribute.subAttribute("primary");
    if (!attribute.isComplex()
        || primary.isEmpty()
        || primary.get().type() != AttributeType.BOOLEAN) {
      return;
    }
    int first = -1;
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).asJsonObject().get(primary.get().name()) != JsonValue.TRUE) {
        continue;
      }
      if (first >= 0) {
        String at = label + "[" + i + "]." + primary.get().name();
        throw new ScimValidationException(
            INVALID_VALUE,
            at,
            "at most one value of "
                + label
                + " may be primary, but "
                + label
                + "["
                + first
                + "] and "
                + label
                + "["
                + i
                + "] both are");
      }
      first = i;
    }
  }

  // ---- immutable attributes ----

  private void keepImmutable(JsonObject current) {
    for (SchemaDefinition schema : schemas()) {
      boolean extension = schema != registry.coreSchema(kind);
      JsonObject before = extension ? object(member(current, schema.id())) : current;
      for (AttributeDefinition attribute : schema.attributes()) {
        JsonValue raw = member(before, attribute.name());
        if (!kept(attribute) || raw == null) {
          continue;
        }
        String label = label(schema, extension, attribute);
        Given now = given(schema, attribute);
        if (attribute.mutability() == Mutability.IMMUTABLE) {
          JsonValue old = value(attribute, raw, label);
          if (old != null && now == null) {
            set(schema, attribute, label, old);
          } else if (old != null && !sameValue(attribute, old, now.value())) {
            throw new ScimValidationException(
                MUTABILITY,
                label,
                label + " is immutable and already has a value; it cannot be changed");
          }
        } else if (now != null && attribute.isComplex() && hasImmutableSub(attribute)) {
          JsonValue old = value(attribute, raw, label);
          if (old != null) {
            set(schema, attribute, label, withImmutableSubs(attribute, label, old, now.value()));
          }
        }
      }
    }
  }

  /**
   * {@code now} with the immutable sub-attributes of {@code old} it leaves out; values of a
   * multi-valued attribute are paired by {@code value}.
   */
  private static JsonValue withImmutableSubs(
      AttributeDefinition attribute, String label, JsonValue old, JsonValue now) {
    if (!attribute.multiValued()) {
      return withImmutableSubs(attribute, label, old.asJsonObject(), now.asJsonObject());
    }
    Optional<AttributeDefinition> valueSub = attribute.subAttribute("value");
    if (valueSub.isEmpty()) {
      return now;
    }
    String valueName = valueSub.get().name();
    JsonArrayBuilder result = JSON.createArrayBuilder();
    JsonArray nowValues = now.asJsonArray();
    for (int i = 0; i < nowValues.size(); i++) {
      JsonObject element = nowValues.getJsonObject(i);
      JsonObject updated = element;
      for (JsonValue candidate : old.asJsonArray()) {
        JsonObject before = candidate.asJsonObject();
        if (element.get(valueName) != null
            && AttributeValues.same(
                valueSub.get(), before.get(valueName), element.get(valueName))) {
          updated = withImmutableSubs(attribute, label + "[" + i + "]", before, element);
          break;
        }
      }
      result.add(updated);
    }
    return result.build();
  }

  private static JsonObject withImmutableSubs(
      AttributeDefinition attribute, String label, JsonObject old, JsonObject now) {
    JsonObjectBuilder result = JSON.createObjectBuilder();
    for (AttributeDefinition sub : attribute.subAttributes()) {
      JsonValue before = old.get(sub.name());
      JsonValue after = now.get(sub.name());
      if (sub.mutability() == Mutability.IMMUTABLE && before != null) {
        if (after != null && !AttributeValues.same(sub, before, after)) {
          String at = label + "." + sub.name();
          throw new ScimValidationException(
              MUTABILITY, at, at + " is immutable and already has a value; it cannot be changed");
        }
        after = before;
      }
      if (after != null) {
        result.add(sub.name(), after);
      }
    }
    return result.build();
  }

  private static boolean hasImmutableSub(AttributeDefinition attribute) {
    return attribute.subAttributes().stream()
        .anyMatch(sub -> sub.mutability() == Mutability.IMMUTABLE);
  }

  /** Whether two cleaned values of {@code attribute} are the same; multi-valued ones as sets. */
  private static boolean sameValue(AttributeDefinition attribute, JsonValue a, JsonValue b) {
    if (!attribute.multiValued()) {
      return sameElement(attribute, a, b);
    }
    JsonArray x = a.asJsonArray();
    JsonArray y = b.asJsonArray();
    return x.size() == y.size()
        && x.stream().allMatch(e -> y.stream().anyMatch(f -> sameElement(attribute, e, f)))
        && y.stream().allMatch(f -> x.stream().anyMatch(e -> sameElement(attribute, e, f)));
  }

  private static boolean sameElement(AttributeDefinition attribute, JsonValue a, JsonValue b) {
    if (!attribute.isComplex()) {
      return AttributeValues.same(attribute, a, b);
    }
    JsonObject x = a.asJsonObject();
    JsonObject y = b.asJsonObject();
    return attribute.subAttributes().stream()
        .allMatch(sub -> AttributeValues.same(sub, x.get(sub.name()), y.get(sub.name())));
  }

  // ---- required attributes ----

  private void checkRequired() {
    for (SchemaDefinition schema : schemas()) {
      boolean extension = schema != registry.coreSchema(kind);
      if (extension && !given.containsKey(fold(schema.id())) && !requiredExtension(schema)) {
        continue;
      }
      for (AttributeDefinition attribute : schema.attributes()) {
        if (!kept(attribute)) {
          continue;
        }
        String label = label(schema, extension, attribute);
        Given value = given(schema, attribute);
        if (attribute.required()) {
          requirePresent(value == null ? null : value.value(), label);
        }
        if (value != null && attribute.isComplex()) {
          List<JsonValue> values =
              attribute.multiValued() ? value.value().asJsonArray() : List.of(value.value());
          for (int i = 0; i < values.size(); i++) {
            String at = attribute.multiValued() ? label + "[" + i + "]" : label;
            for (AttributeDefinition sub : attribute.subAttributes()) {
              if (sub.required() && kept(sub)) {
                requirePresent(values.get(i).asJsonObject().get(sub.name()), at + "." + sub.name());
              }
            }
          }
        }
      }
    }
  }

  private static void requirePresent(JsonValue value, String label) {
    if (value instanceof JsonString s && s.getString().isBlank()) {
      throw new ScimValidationException(
          INVALID_VALUE, label, label + " is required and must not be empty");
    }
    if (value == null
        || value == JsonValue.NULL
        || (value instanceof JsonArray array && array.isEmpty())
        || (value instanceof JsonObject object && object.isEmpty())) {
      throw new ScimValidationException(INVALID_VALUE, label, label + " is required");
    }
  }

  private boolean requiredExtension(SchemaDefinition schema) {
    return registry.resourceType(kind).extensions().stream()
        .anyMatch(extension -> extension.required() && extension.schema().idMatches(schema.id()));
  }

  // ---- the cleaned body ----

  private JsonObject build() {
    JsonArrayBuilder schemaUrns = JSON.createArrayBuilder();
    JsonObjectBuilder body = JSON.createObjectBuilder();
    for (SchemaDefinition schema : schemas()) {
      Map<String, Given> attributes = given.get(fold(schema.id()));
      boolean core = schema == registry.coreSchema(kind);
      if (!core && (attributes == null || attributes.isEmpty())) {
        continue;
      }
      schemaUrns.add(schema.id());
      JsonObjectBuilder container = core ? body : JSON.createObjectBuilder();
      Map<String, Given> rest = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
      for (AttributeDefinition attribute : schema.attributes()) {
        Given value = rest.remove(fold(attribute.name()));
        if (value != null) {
          container.add(attribute.name(), value.value());
        }
      }
      rest.values().forEach(value -> container.add(value.attribute().name(), value.value()));
      if (!core) {
        body.add(schema.id(), container);
      }
    }
    return JSON.createObjectBuilder()
        .add(Schemas.SCHEMAS_ATTRIBUTE, schemaUrns)
        .addAll(body)
        .build();
  }

  // ---- helpers ----

  /** The core schema, then the extensions. */
  private List<SchemaDefinition> schemas() {
    List<SchemaDefinition> schemas = new ArrayList<>();
    schemas.add(registry.coreSchema(kind));
    schemas.addAll(registry.extensions(kind));
    return schemas;
  }

  private Given given(SchemaDefinition schema, AttributeDefinition attribute) {
    Map<String, Given> attributes = given.get(fold(schema.id()));
    return attributes == null ? null : attributes.get(fold(attribute.name()));
  }

  /** Whether Rollcall keeps what a client sends for the attribute: not read-only or write-only. */
  private static boolean kept(AttributeDefinition attribute) {
    return attribute.mutability() != Mutability.READ_ONLY
        && attribute.mutability() != Mutability.WRITE_ONLY;
  }

  private static String label(
      SchemaDefinition schema, boolean extension, AttributeDefinition attribute) {
    return extension ? schema.id() + ":" + attribute.name() : attribute.name();
  }

  /** The member called {@code name}, ignoring case; null when absent or JSON null. */
  private static JsonValue member(JsonObject object, String name) {
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue() == JsonValue.NULL ? null : entry.getValue();
      }
    }
    return null;
  }

  private static JsonObject object(JsonValue value) {
    return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static ScimValidationException wrongType(String label, String expected, JsonValue found) {
    return new ScimValidationException(
        INVALID_VALUE,
        label,
        label + " must be " + expected + ", found " + AttributeValues.shorten(found));
  }

  private static ScimValidationException givenTwice(String label) {
    return new ScimValidationException(
        INVALID_SYNTAX, label, label + " is given more than once, with different values");
  }
}
