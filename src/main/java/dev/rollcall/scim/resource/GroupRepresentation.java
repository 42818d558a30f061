package dev.rollcall.scim.resource;

import static dev.rollcall.scim.resource.JsonReading.array;
import static dev.rollcall.scim.resource.JsonReading.invalid;
import static dev.rollcall.scim.resource.JsonReading.string;

import dev.rollcall.application.GroupProvisioning.ProvisionedGroup;
import dev.rollcall.domain.role.GrantRepository.MemberRef;
import dev.rollcall.domain.role.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/** The SCIM Group representation of a custom role, and what a request body says of a group. */
public final class GroupRepresentation {
  public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  /** A POST or PUT body. */
  public record GroupBody(String displayName, String externalId, Set<String> memberIds) {}

  private GroupRepresentation() {}

  public static GroupBody toBody(JsonObject body) {
    String displayName =
        string(body, "displayName", "displayName")
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> invalid("displayName is required"));
    return new GroupBody(
        displayName,
        string(body, "externalId", "externalId").orElse(null),
        memberIds(array(body, "members", "members").orElse(JsonValue.EMPTY_JSON_ARRAY)));
  }

  /** The user ids of a {@code members} array; members that are groups are refused. */
  public static Set<String> memberIds(JsonArray members) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonValue value : members) {
      if (!(value instanceof JsonObject member)) {
        throw invalid("members must be an array of objects with a value");
      }
      String type = string(member, "type", "members.type").orElse("User");
      if (!type.equalsIgnoreCase("User")) {
        throw invalid("Only users can be group members; nested groups are not supported");
      }
      ids.add(
          string(member, "value", "members.value")
              .filter(s -> !s.isBlank())
              .orElseThrow(() -> invalid("every member needs a value (the user's id)")));
    }
    return ids;
  }

  public static JsonObject toJson(ProvisionedGroup group, String scimBase) {
    Role role = group.role();
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("schemas", Json.createArrayBuilder().add(GROUP_SCHEMA))
            .add("id", role.id());
    role.externalId().ifPresent(v -> json.add("externalId", v));
    json.add("displayName", role.name());
    group
        .members()
        .ifPresent(
            members -> {
              JsonArrayBuilder array = Json.createArrayBuilder();
              for (MemberRef member : members) {
                JsonObjectBuilder m =
                    Json.createObjectBuilder()
                        .add("value", member.id())
                        .add("$ref", scimBase + "/Users/" + member.id())
                        .add("type", "User");
                m.add(
                    "display",
                    member.displayName() != null ? member.displayName() : member.userName());
                array.add(m);
              }
              json.add("members", array);
            });
    json.add(
        "meta",
        Meta.of(
            "Group",
            role.createdAt(),
            role.updatedAt(),
            role.version(),
            scimBase + "/Groups/" + role.id()));
    return json.build();
  }
}
