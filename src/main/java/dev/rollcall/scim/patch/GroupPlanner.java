package dev.rollcall.scim.patch;

import static dev.rollcall.json.JsonFactory.JSON;
import static dev.rollcall.scim.schema.ScimType.INVALID_FILTER;
import static dev.rollcall.scim.schema.ScimType.INVALID_VALUE;
import static dev.rollcall.scim.schema.ScimType.MUTABILITY;
import static dev.rollcall.scim.schema.ScimType.NO_TARGET;

import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeValues;
import dev.rollcall.scim.schema.Caps;
import dev.rollcall.scim.schema.Mutability;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.Schemas;
import dev.rollcall.scim.schema.ScimType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splits a group PATCH into membership instructions and the other operations. */
final class GroupPlanner {

  private final PatchEngine engine;
  private final List<MemberInstruction> instructions = new ArrayList<>();
  private final List<PatchOperation> others = new ArrayList<>();
  private int memberValues;

  GroupPlanner(PatchEngine engine) {
    this.engine = engine;
  }

  GroupPatch plan(List<PatchOperation> operations) {
    for (PatchOperation op : operations) {
      if (!op.hasPath()) {
        if (op.op() == PatchOp.REMOVE) {
          throw op.error(NO_TARGET, "'remove' needs a 'path' naming what to remove");
        }
        splitAttributes(op, null, op.value());
        continue;
      }
      PatchEngine.Target target = engine.target(op.path(), ResourceKind.GROUP, op);
      if (target.isWholeSchema()) {
        if (op.op() == PatchOp.REMOVE) {
          others.add(op);
        } else {
          splitAttributes(op, target.schema(), op.value());
        }
      } else if (isMembers(target)) {
        members(op, target, op.value());
      } else {
        others.add(op);
      }
    }
    return new GroupPatch(instructions, others);
  }

  /** Takes {@code members} out of a path-less value; the rest stays an operation. */
  private void splitAttributes(PatchOperation op, SchemaDefinition schema, JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      others.add(op); // the engine reports the bad value
      return;
    }
    JsonObjectBuilder rest = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      String key = entry.getKey();
      if (schema == null && key.equalsIgnoreCase(Schemas.SCHEMAS_ATTRIBUTE)) {
        continue;
      }
      String path = schema == null ? key : schema.id() + ":" + key;
      PatchEngine.Target target = engine.target(path, ResourceKind.GROUP, op);
      if (target.isWholeSchema() && schema == null) {
        JsonValue nested = entry.getValue();
        if (nested instanceof JsonObject nestedObject && hasMembersKey(nestedObject)) {
          splitAttributes(op, target.schema(), nested);
          continue;
        }
      } else if (!target.isWholeSchema() && isMembers(target)) {
        members(op, target, entry.getValue());
        continue;
      }
      rest.add(path, entry.getValue());
    }
    JsonObject remaining = rest.build();
    if (!remaining.isEmpty()) {
      others.add(new PatchOperation(op.index(), op.op(), null, remaining));
    }
  }

  private static boolean hasMembersKey(JsonObject object) {
    return JsonMembers.key(object, "members") != null;
  }

  private static boolean isMembers(PatchEngine.Target target) {
    return !target.extension() && target.attribute().nameMatches("members");
  }

  private void members(PatchOperation op, PatchEngine.Target target, JsonValue value) {
    boolean hasValue = value != null && value != JsonValue.NULL;
    AttributeDefinition sub = target.sub();
    if (sub != null) {
      if (sub.mutability() == Mutability.READ_ONLY) {
        if (op.op() == PatchOp.REMOVE) {
          throw op.error(MUTABILITY, "'" + target.label() + "' is read-only and cannot be removed");
        }
        return; // ignored, as read-only values are
      }
      throw op.error(
          MUTABILITY,
          "'" + target.label() + "' is immutable; add or remove members instead of changing them");
    }
    if (target.filter() == null) {
      switch (op.op()) {
        case ADD -> {
          if (hasValue) {
            instructions.add(new MemberInstruction.Add(ids(op, value)));
          }
        }
        case REPLACE ->
            instructions.add(
                hasValue
                    ? new MemberInstruction.ReplaceAll(ids(op, value))
                    : new MemberInstruction.RemoveAll());
        case REMOVE ->
            instructions.add(
                hasValue
                    ? new MemberInstruction.Remove(ids(op, value))
                    : new MemberInstruction.RemoveAll());
      }
      return;
    }
    List<String> selected = counted(op, selectedIds(op, target.filter()));
    switch (op.op()) {
      case ADD -> instructions.add(new MemberInstruction.Add(selected));
      case REMOVE -> instructions.add(new MemberInstruction.Remove(selected));
      case REPLACE -> {
        // Replacing a member by itself changes nothing (display and $ref are derived); replacing
        // it by another id would change the immutable 'value'.
        if (hasValue) {
          for (String id : ids(op, value)) {
            if (selected.size() != 1 || !selected.get(0).equals(id)) {
              throw op.error(
                  MUTABILITY,
                  "'members.value' is immutable; remove the member and add the other one");
            }
          }
        }
      }
    }
  }

  /** {@code ids}, counted against the request's cap on member values ({@link Caps#MEMBERS}). */
  private List<String> counted(PatchOperation op, List<String> ids) {
    memberValues += ids.size();
    if (memberValues > Caps.MEMBERS) {
      throw op.error(
          INVALID_VALUE, "members: a request may name at most " + Caps.MEMBERS + " member values");
    }
    return ids;
  }

  /** The ids a member filter selects: {@code value eq "id"}, possibly joined with {@code or}. */
  private static List<String> selectedIds(PatchOperation op, Filter filter) {
    List<Filter> terms = filter instanceof Filter.Or or ? or.operands() : List.of(filter);
    Set<String> ids = new LinkedHashSet<>();
    for (Filter term : terms) {
      if (term instanceof Filter.Comparison comparison
          && comparison.op() == CompareOp.EQ
          && comparison.path().attributeMatches("value")
          && comparison.value() instanceof Literal.StringLiteral id) {
        ids.add(id.value());
      } else {
        throw op.error(
            INVALID_FILTER,
            "members can only be selected by id: write members[value eq \"id\"], found ["
                + filter
                + "]");
      }
    }
    return List.copyOf(ids);
  }

  /**
   * The member ids in a value: an array of {@code {"value": "id", ...}} (or of plain id strings),
   * or one such value alone. Duplicates are dropped.
   */
  private List<String> ids(PatchOperation op, JsonValue value) {
    List<JsonValue> elements =
        value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
    Set<String> ids = new LinkedHashSet<>();
    for (JsonValue element : elements) {
      JsonValue id = element;
      if (element instanceof JsonObject object) {
        for (String key : object.keySet()) {
          if (Schemas.GROUP.attribute("members").orElseThrow().subAttribute(key).isEmpty()) {
            throw op.error(ScimType.INVALID_PATH, "'members' has no sub-attribute '" + key + "'");
          }
        }
        id = JsonMembers.get(object, "value");
      }
      if (!(id instanceof JsonString text) || text.getString().isBlank()) {
        throw op.error(
            INVALID_VALUE,
            "every member must be given as {\"value\": \"<id>\"}, found "
                + AttributeValues.shorten(element));
      }
      ids.add(text.getString());
    }
    return counted(op, List.copyOf(ids));
  }
}
