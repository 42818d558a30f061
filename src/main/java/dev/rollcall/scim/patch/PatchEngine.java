package dev.rollcall.scim.patch;

import static dev.rollcall.scim.schema.ScimType.INVALID_FILTER;
import static dev.rollcall.scim.schema.ScimType.INVALID_PATH;
import static dev.rollcall.scim.schema.ScimType.INVALID_VALUE;
import static dev.rollcall.scim.schema.ScimType.MUTABILITY;
import static dev.rollcall.scim.schema.ScimType.NO_TARGET;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.Filter;
import dev.rollcall.scim.filter.InvalidFilterException;
import dev.rollcall.scim.filter.InvalidPathException;
import dev.rollcall.scim.filter.PatchPath;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.AttributeValues;
import dev.rollcall.scim.schema.Mutability;
import dev.rollcall.scim.schema.ResolvedAttribute;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.Schemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies SCIM PATCH requests (RFC 7644 §3.5.2) to resources held as their full SCIM JSON, driven
 * by the organization's {@link SchemaRegistry}. Pure: the input is never changed, a new object is
 * returned, and a request either applies completely or throws {@link ScimPatchException}.
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>Operation names and attribute names are case-insensitive; attributes are written back
 *       spelled as the schema spells them. Extension attributes live in an object under their
 *       schema URN, which is added to {@code schemas} when the object appears and dropped when it
 *       empties.
 *   <li>Without a path, {@code value} is an object of attributes; its keys may be plain ({@code
 *       active}), dotted ({@code name.givenName}), URN-qualified ({@code
 *       urn:...:enterprise:2.0:User:manager.value}) or a schema URN holding an object of that
 *       schema's attributes.
 *   <li>{@code add} and {@code replace} on a single-valued complex attribute set the given
 *       sub-attributes and keep the others (§3.5.2.1, §3.5.2.3). {@code add} on a multi-valued
 *       attribute appends, merging a value into an equal one already there (same {@code value}, no
 *       conflicting {@code type}); {@code replace} without a filter replaces all values.
 *   <li>{@code add} or {@code replace} through a value filter that matches nothing creates the
 *       value the filter describes when it is an {@code eq} comparison or an {@code and} of them:
 *       {@code emails[type eq "work"].value} creates {@code {"type": "work", "value": ...}}
 *       (Microsoft Entra ID relies on this). Otherwise {@code replace} fails with {@code noTarget};
 *       so does {@code add}, {@code replace} of a sub-attribute of a multi-valued attribute without
 *       a filter when there are no values.
 *   <li>{@code remove} through a filter removes the matching values only, and does nothing when
 *       none match. {@code remove} of a multi-valued attribute with a {@code value} removes the
 *       values equal to the given ones (by {@code value} when given), never all (Entra's way of
 *       removing group members).
 *   <li>A value set with {@code primary: true} clears {@code primary} on the others; setting two
 *       primary values at once is {@code invalidValue}.
 *   <li>Booleans sent as strings ("True", "false") become booleans; numeric strings become numbers
 *       for integer and decimal attributes; a bare string for a complex attribute with a {@code
 *       value} sub-attribute becomes {@code {"value": ...}} (Entra sends {@code manager} so).
 *   <li>Read-only attributes and sub-attributes ({@code id}, {@code meta}, {@code groups}, {@code
 *       members.display}, {@code manager.displayName}) are ignored by {@code add} and {@code
 *       replace}, as RFC 7643 §2.2 says; removing one is {@code mutability}. Giving an immutable
 *       attribute a different value once it has one, or removing it, is {@code mutability}.
 *       Removing a required attribute ({@code userName}, a group's {@code displayName}), or setting
 *       it to null, is {@code mutability} too: RFC 7644 allows invalidValue or mutability there,
 *       and the attribute's mutability characteristic is what forbids it.
 *   <li>{@code schemas} is managed by the service and ignored in values.
 * </ul>
 *
 * <p>A write-only {@code password} is stored in the result like any attribute; the caller must take
 * it out before storing or returning the resource ({@link
 * dev.rollcall.scim.validation.ResourceValidator}, which the representations run on the result,
 * drops it).
 */
public final class PatchEngine {

  private final SchemaRegistry registry;

  public PatchEngine(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  public SchemaRegistry registry() {
    return registry;
  }

  /**
   * Applies a PATCH request body to a resource.
   *
   * @param resource the resource's full current SCIM representation
   * @param patchBody the request body: {@code schemas} with the PatchOp URN, and {@code Operations}
   * @param kind whether the resource is a user or a group
   * @return the resource after every operation, in order
   * @throws ScimPatchException if the request is malformed or an operation cannot be applied
   */
  public JsonObject apply(JsonObject resource, JsonObject patchBody, ResourceKind kind) {
    return apply(resource, PatchRequest.parse(patchBody), kind);
  }

  /**
   * Applies already parsed operations, in order; see {@link #apply(JsonObject, JsonObject,
   * ResourceKind)}.
   */
  public JsonObject apply(JsonObject resource, List<PatchOperation> operations, ResourceKind kind) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(kind, "kind");
    JsonObject current = resource;
    for (PatchOperation operation : operations) {
      current = applyOperation(current, operation, kind);
    }
    return current;
  }

  /**
   * Splits a PATCH request for a group into membership instructions and the other operations, so
   * that a group's members never have to be loaded to change them. Paths are checked here; values
   * of the other operations are checked when they are applied.
   *
   * @throws ScimPatchException as {@link #apply(JsonObject, JsonObject, ResourceKind)} would, and
   *     {@code invalidFilter} for a member filter other than {@code value eq "id"} (joined with
   *     {@code or})
   */
  public GroupPatch plan(JsonObject patchBody) {
    return new GroupPlanner(this).plan(PatchRequest.parse(patchBody));
  }

  /**
   * Applies a plan's non-membership operations to a group represented without its members.
   *
   * @throws ScimPatchException if an operation cannot be applied
   */
  public JsonObject apply(JsonObject groupWithoutMembers, GroupPatch plan) {
    return apply(groupWithoutMembers, plan.otherOperations(), ResourceKind.GROUP);
  }

  // ---- targets ----

  /**
   * What a path aims at: a whole schema's attributes ({@code attribute} null), or an attribute,
   * optionally through a value filter and optionally down to a sub-attribute.
   */
  record Target(
      SchemaDefinition schema,
      boolean extension,
      AttributeDefinition attribute,
      Filter filter,
      AttributeDefinition sub) {

    boolean isWholeSchema() {
      return attribute == null;
    }

    /** The attribute as error messages name it. */
    String label() {
      String name = extension ? schema.id() + ":" + attribute.name() : attribute.name();
      return sub == null ? name : name + "." + sub.name();
    }

    String attributeLabel() {
      return extension ? schema.id() + ":" + attribute.name() : attribute.name();
    }
  }

  /** Resolves a path (or a key of a path-less value) against the schemas of {@code kind}. */
  Target target(String rawPath, ResourceKind kind, PatchOperation op) {
    Optional<SchemaDefinition> whole = registry.schema(rawPath, kind);
    if (whole.isPresent()) {
      SchemaDefinition schema = whole.get();
      return new Target(schema, schema != registry.coreSchema(kind), null, null, null);
    }
    PatchPath path;
    try {
      path = PatchPath.parse(rawPath);
    } catch (InvalidPathException e) {
      throw op.error(INVALID_PATH, e.getMessage());
    } catch (InvalidFilterException e) {
      throw op.error(INVALID_FILTER, e.getMessage());
    }
    AttributePath attributePath = path.attribute();
    AttributePath top =
        new AttributePath(attributePath.schemaUrn(), attributePath.attribute(), null);
    ResolvedAttribute resolved =
        registry
            .resolve(top, kind)
            .orElseThrow(() -> op.error(INVALID_PATH, unknownAttribute(top, kind)));
    AttributeDefinition attribute = resolved.attribute();
    String label = resolved.canonicalPath();
    AttributeDefinition sub = null;
    String subName =
        attributePath.hasSubAttribute() ? attributePath.subAttribute() : path.subAttribute();
    if (path.hasValueFilter()) {
      if (!attribute.multiValued()) {
        throw op.error(
            INVALID_PATH,
            "'"
                + label
                + "' is single-valued; a value filter '[...]' needs a multi-valued attribute");
      }
      ValueFilters.validate(path.valueFilter(), attribute, label, op);
    }
    if (subName != null) {
      if (!attribute.isComplex()) {
        throw op.error(
            INVALID_PATH,
            "'" + label + "' is not complex and has no sub-attribute '" + subName + "'");
      }
      sub =
          attribute
              .subAttribute(subName)
              .orElseThrow(
                  () ->
                      op.error(
                          INVALID_PATH, "'" + label + "' has no sub-attribute '" + subName + "'"));
    }
    return new Target(resolved.schema(), resolved.extension(), attribute, path.valueFilter(), sub);
  }

  private String unknownAttribute(AttributePath path, ResourceKind kind) {
    if (path.hasSchemaUrn() && registry.schema(path.schemaUrn(), kind).isEmpty()) {
      return "the schema "
          + path.schemaUrn()
          + " is not one of the "
          + kind.resourceType()
          + " resource's schemas";
    }
    return "the " + kind.resourceType() + " resource has no attribute '" + path.render() + "'";
  }

  // ---- operations ----

  private JsonObject applyOperation(JsonObject resource, PatchOperation op, ResourceKind kind) {
    if (!op.hasPath()) {
      if (op.op() == PatchOp.REMOVE) {
        throw op.error(NO_TARGET, "'remove' needs a 'path' naming what to remove");
      }
      return applyAttributes(resource, op, kind, null, op.value());
    }
    Target target = target(op.path(), kind, op);
    if (target.isWholeSchema()) {
      return applyWholeSchema(resource, op, kind, target);
    }
    return applyToAttribute(resource, op, target, op.value());
  }

  /**
   * Applies an object of attributes, as an {@code add} or {@code replace} without a path carries,
   * or one schema's attributes when {@code schema} is given.
   */
  private JsonObject applyAttributes(
      JsonObject resource,
      PatchOperation op,
      ResourceKind kind,
      SchemaDefinition schema,
      JsonValue value) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw op.error(
          INVALID_VALUE,
          (schema == null ? "without a path, " : "for the schema " + schema.id() + ", ")
              + "'value' must be an object of attributes, found "
              + AttributeValues.shorten(value));
    }
    JsonObject current = resource;
    for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
      String key = entry.getKey();
      if (schema == null && key.equalsIgnoreCase(Schemas.SCHEMAS_ATTRIBUTE)) {
        continue;
      }
      Target target = target(schema == null ? key : schema.id() + ":" + key, kind, op);
      if (target.isWholeSchema()) {
        if (schema != null) {
          throw op.error(INVALID_PATH, "'" + key + "' is not an attribute of " + schema.id());
        }
        current = applyAttributes(current, op, kind, target.schema(), entry.getValue());
      } else {
        current = applyToAttribute(current, op, target, entry.getValue());
      }
    }
    return current;
  }

  private JsonObject applyWholeSchema(
      JsonObject resource, PatchOperation op, ResourceKind kind, Target target) {
    SchemaDefinition schema = target.schema();
    if (op.op() != PatchOp.REMOVE) {
      return applyAttributes(resource, op, kind, schema, op.value());
    }
    if (!target.extension()) {
      throw op.error(MUTABILITY, "the core schema " + schema.id() + " cannot be removed");
    }
    JsonValue container = JsonMembers.get(resource, schema.id());
    if (container == null) {
      return JsonMembers.withSchema(resource, schema.id(), false);
    }
    if (container instanceof JsonObject object) {
      for (AttributeDefinition attribute : schema.attributes()) {
        if (JsonMembers.get(object, attribute.name()) != null) {
          checkRemovable(op, attribute, schema.id() + ":" + attribute.name());
        }
      }
    }
    return JsonMembers.withSchema(JsonMembers.remove(resource, schema.id()), schema.id(), false);
  }

  /** Applies {@code op} with {@code value} (null for none) to one attribute. */
  private JsonObject applyToAttribute(
      JsonObject resource, PatchOperation op, Target target, JsonValue value) {
    AttributeDefinition attribute = target.attribute();
    boolean readOnly =
        attribute.mutability() == Mutability.READ_ONLY
            || (target.sub() != null && target.sub().mutability() == Mutability.READ_ONLY);
    if (readOnly) {
      if (op.op() == PatchOp.REMOVE) {
        throw op.error(MUTABILITY, "'" + target.label() + "' is read-only and cannot be removed");
      }
      return resource; // RFC 7643 §2.2: values of read-only attributes are ignored.
    }
    JsonObject container = container(resource, target);
    JsonValue current = JsonMembers.get(container, attribute.name());
    JsonValue updated;
    if (attribute.multiValued()) {
      updated = multiValued(op, target, current, value);
    } else if (attribute.isComplex()) {
      updated = singleComplex(op, target, current, value);
    } else {
      updated = singleScalar(op, target, current, value);
    }
    if (JsonMembers.isUnassigned(updated)
        || (updated instanceof JsonObject object && object.isEmpty())) {
      updated = null;
    }
    if (Objects.equals(updated, current)) {
      return resource;
    }
    if (current != null && updated == null && attribute.required()) {
      throw op.error(
          MUTABILITY, "'" + target.attributeLabel() + "' is required and cannot be removed");
    }
    if (current != null && attribute.mutability() == Mutability.IMMUTABLE) {
      throw op.error(
          MUTABILITY, "'" + target.attributeLabel() + "' is immutable and already has a value");
    }
    JsonObject changed =
        updated == null
            ? JsonMembers.remove(container, attribute.name())
            : JsonMembers.put(container, attribute.name(), updated);
    return withContainer(resource, target, changed);
  }

  private JsonObject container(JsonObject resource, Target target) {
    if (!target.extension()) {
      return resource;
    }
    JsonValue value = JsonMembers.get(resource, target.schema().id());
    return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  private JsonObject withContainer(JsonObject resource, Target target, JsonObject container) {
    if (!target.extension()) {
      return container;
    }
    String urn = target.schema().id();
    if (container.isEmpty()) {
      return JsonMembers.withSchema(JsonMembers.remove(resource, urn), urn, false);
    }
    return JsonMembers.withSchema(JsonMembers.put(resource, urn, container), urn, true);
  }

  // ---- single-valued attributes ----

  private JsonValue singleScalar(
      PatchOperation op, Target target, JsonValue current, JsonValue value) {
    if (op.op() == PatchOp.REMOVE || isNull(value)) {
      return null;
    }
    return Values.scalar(target.attribute(), value, target.label(), op);
  }

  private JsonValue singleComplex(
      PatchOperation op, Target target, JsonValue current, JsonValue value) {
    AttributeDefinition attribute = target.attribute();
    JsonObject object = current instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    AttributeDefinition sub = target.sub();
    if (sub == null) {
      if (op.op() == PatchOp.REMOVE || isNull(value)) {
        return null;
      }
      JsonObject given = Values.complex(attribute, value, target.label(), op, true);
      return merge(op, attribute, target.label(), object, given);
    }
    if (op.op() == PatchOp.REMOVE || isNull(value)) {
      return removeSub(op, target, object);
    }
    return setSub(op, target, object, Values.scalar(sub, value, target.label(), op));
  }

  // ---- multi-valued attributes ----

  private JsonValue multiValued(
      PatchOperation op, Target target, JsonValue current, JsonValue value) {
    List<JsonValue> values = new ArrayList<>();
    if (current != null && current.getValueType() == JsonValue.ValueType.ARRAY) {
      values.addAll(current.asJsonArray());
    } else if (current != null) {
      values.add(current);
    }
    if (target.filter() == null && target.sub() == null) {
      return wholeMultiValued(op, target, values, value);
    }
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (target.filter() == null
          || ValueFilters.matches(target.filter(), target.attribute(), values.get(i))) {
        matches.add(i);
      }
    }
    boolean removing = op.op() == PatchOp.REMOVE || isNull(value);
    if (target.sub() == null) {
      return removing
          ? removeAt(values, matches)
          : filteredValue(op, target, values, matches, value);
    }
    if (removing) {
      for (int i : matches) {
        values.set(i, removeSub(op, target, asObject(values.get(i))));
      }
      values.removeIf(Objects::isNull);
      return JsonMembers.array(values);
    }
    JsonValue subValue = Values.scalar(target.sub(), value, target.label(), op);
    if (matches.isEmpty()) {
      JsonObject created = describedValue(op, target);
      values.add(setSub(op, target, created, subValue));
      return withSinglePrimary(op, target, values, Set.of(values.size() - 1));
    }
    for (int i : matches) {
      values.set(i, setSub(op, target, asObject(values.get(i)), subValue));
    }
    return withSinglePrimary(op, target, values, new HashSet<>(matches));
  }

  private JsonValue wholeMultiValued(
      PatchOperation op, Target target, List<JsonValue> values, JsonValue value) {
    AttributeDefinition attribute = target.attribute();
    String label = target.label();
    if (op.op() == PatchOp.REMOVE && value != null && !isNull(value)) {
      // Remove the given values only: {"op": "remove", "path": "members", "value": [{"value":
      // "id"}]}.
      List<JsonValue> templates = Values.elements(attribute, value, label, op, false);
      values.removeIf(
          existing ->
              templates.stream()
                  .anyMatch(template -> Values.matchesTemplate(attribute, template, existing)));
      return JsonMembers.array(values);
    }
    if (op.op() == PatchOp.REMOVE || (op.op() == PatchOp.REPLACE && isNull(value))) {
      return null;
    }
    if (isNull(value)) {
      return JsonMembers.array(values); // adding nothing
    }
    List<JsonValue> given = Values.elements(attribute, value, label, op, true);
    List<JsonValue> result = op.op() == PatchOp.ADD ? values : new ArrayList<>();
    Set<Integer> touched = new HashSet<>();
    for (JsonValue element : given) {
      int same = -1;
      for (int i = 0; i < result.size(); i++) {
        if (Values.sameElement(attribute, result.get(i), element)) {
          same = i;
          break;
        }
      }
      if (same < 0) {
        result.add(element);
        touched.add(result.size() - 1);
      } else {
        JsonValue merged =
            attribute.isComplex()
                ? merge(op, attribute, label, asObject(result.get(same)), element.asJsonObject())
                : element;
        result.set(same, merged);
        touched.add(same);
      }
    }
    return withSinglePrimary(op, target, result, touched);
  }

  /** {@code add} or {@code replace} of whole values through a filter. */
  private JsonValue filteredValue(
      PatchOperation op,
      Target target,
      List<JsonValue> values,
      List<Integer> matches,
      JsonValue value) {
    AttributeDefinition attribute = target.attribute();
    String label = target.label();
    JsonValue given = Values.element(attribute, value, label, op, true);
    if (matches.isEmpty()) {
      if (op.op() == PatchOp.REPLACE) {
        throw noMatch(op, target);
      }
      JsonValue created =
          attribute.isComplex()
              ? merge(op, attribute, label, describedValue(op, target), given.asJsonObject())
              : given;
      values.add(created);
      return withSinglePrimary(op, target, values, Set.of(values.size() - 1));
    }
    for (int i : matches) {
      if (!attribute.isComplex()) {
        values.set(i, given);
      } else if (op.op() == PatchOp.ADD) {
        values.set(i, merge(op, attribute, label, asObject(values.get(i)), given.asJsonObject()));
      } else {
        values.set(
            i, replacement(op, attribute, label, asObject(values.get(i)), given.asJsonObject()));
      }
    }
    return withSinglePrimary(op, target, values, new HashSet<>(matches));
  }

  private static JsonValue removeAt(List<JsonValue> values, List<Integer> indexes) {
    for (int i = indexes.size() - 1; i >= 0; i--) {
      values.remove((int) indexes.get(i));
    }
    return JsonMembers.array(values);
  }

  /** The value a filter that matched nothing describes, or noTarget. */
  private JsonObject describedValue(PatchOperation op, Target target) {
    if (target.filter() == null) {
      throw op.error(
          NO_TARGET,
          "'"
              + target.attributeLabel()
              + "' has no values whose '"
              + target.sub().name()
              + "' could be set");
    }
    JsonValue described =
        ValueFilters.describedValue(target.filter(), target.attribute())
            .orElseThrow(() -> noMatch(op, target));
    return described instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static ScimPatchException noMatch(PatchOperation op, Target target) {
    return op.error(
        NO_TARGET,
        "no value of '" + target.attributeLabel() + "' matches [" + target.filter() + "]");
  }

  // ---- values of complex attributes ----

  /** {@code given}'s sub-attributes set on {@code existing}; immutable ones may not change. */
  private static JsonObject merge(
      PatchOperation op,
      AttributeDefinition attribute,
      String label,
      JsonObject existing,
      JsonObject given) {
    JsonObject result = existing;
    for (Map.Entry<String, JsonValue> entry : given.entrySet()) {
      AttributeDefinition sub = attribute.subAttribute(entry.getKey()).orElseThrow();
      JsonValue old = JsonMembers.get(existing, sub.name());
      if (sub.mutability() == Mutability.IMMUTABLE
          && old != null
          && !Values.same(sub, old, entry.getValue())) {
        throw op.error(
            MUTABILITY, "'" + label + "." + sub.name() + "' is immutable and already has a value");
      }
      result = JsonMembers.put(result, sub.name(), entry.getValue());
    }
    return result;
  }

  /**
   * {@code given} in place of {@code existing}; immutable sub-attributes it leaves out are kept,
   * and ones it changes are refused.
   */
  private static JsonObject replacement(
      PatchOperation op,
      AttributeDefinition attribute,
      String label,
      JsonObject existing,
      JsonObject given) {
    JsonObject result = given;
    for (AttributeDefinition sub : attribute.subAttributes()) {
      if (sub.mutability() != Mutability.IMMUTABLE && sub.mutability() != Mutability.READ_ONLY) {
        continue;
      }
      JsonValue old = JsonMembers.get(existing, sub.name());
      JsonValue replaced = JsonMembers.get(given, sub.name());
      if (old == null) {
        continue;
      }
      if (replaced == null) {
        result = JsonMembers.put(result, sub.name(), old);
      } else if (!Values.same(sub, old, replaced)) {
        throw op.error(
            MUTABILITY, "'" + label + "." + sub.name() + "' is immutable and already has a value");
      }
    }
    return result;
  }

  private static JsonObject setSub(
      PatchOperation op, Target target, JsonObject object, JsonValue value) {
    AttributeDefinition sub = target.sub();
    JsonValue old = JsonMembers.get(object, sub.name());
    if (sub.mutability() == Mutability.IMMUTABLE && old != null && !Values.same(sub, old, value)) {
      throw op.error(MUTABILITY, "'" + target.label() + "' is immutable and already has a value");
    }
    return JsonMembers.put(object, sub.name(), value);
  }

  /** {@code object} without the target's sub-attribute; null when nothing is left. */
  private static JsonObject removeSub(PatchOperation op, Target target, JsonObject object) {
    AttributeDefinition sub = target.sub();
    if (JsonMembers.get(object, sub.name()) == null) {
      return object.isEmpty() ? null : object;
    }
    checkRemovable(op, sub, target.label());
    JsonObject result = JsonMembers.remove(object, sub.name());
    return result.isEmpty() ? null : result;
  }

  private static void checkRemovable(
      PatchOperation op, AttributeDefinition attribute, String label) {
    // Immutable first: it is the more specific reason (members.value is both).
    if (attribute.mutability() == Mutability.IMMUTABLE) {
      throw op.error(MUTABILITY, "'" + label + "' is immutable and cannot be removed");
    }
    if (attribute.required()) {
      throw op.error(MUTABILITY, "'" + label + "' is required and cannot be removed");
    }
  }

  /**
   * Clears {@code primary} on the values outside {@code touched} when a touched value is primary;
   * two touched primary values are invalidValue.
   */
  private static JsonValue withSinglePrimary(
      PatchOperation op, Target target, List<JsonValue> values, Set<Integer> touched) {
    AttributeDefinition attribute = target.attribute();
    Optional<AttributeDefinition> primary = attribute.subAttribute("primary");
    if (!attribute.isComplex()
        || primary.isEmpty()
        || primary.get().type() != AttributeType.BOOLEAN) {
      return JsonMembers.array(values);
    }
    String name = primary.get().name();
    long primaries = touched.stream().filter(i -> isPrimary(values.get(i), name)).count();
    if (primaries > 1) {
      throw op.error(
          INVALID_VALUE,
          "at most one value of '" + target.attributeLabel() + "' may have primary true");
    }
    if (primaries == 1) {
      for (int i = 0; i < values.size(); i++) {
        if (!touched.contains(i) && isPrimary(values.get(i), name)) {
          values.set(i, JsonMembers.put(values.get(i).asJsonObject(), name, JsonValue.FALSE));
        }
      }
    }
    return JsonMembers.array(values);
  }

  private static boolean isPrimary(JsonValue value, String name) {
    return value instanceof JsonObject object
        && AttributeValues.booleanOf(JsonMembers.get(object, name)).orElse(false);
  }

  private static JsonObject asObject(JsonValue value) {
    return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static boolean isNull(JsonValue value) {
    return value == null || value == JsonValue.NULL;
  }
}
