package dev.rollcall.scim.resource;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.GroupProvisioning.ProvisionedGroup;
import dev.rollcall.domain.role.GrantRepository.MemberRef;
import dev.rollcall.domain.role.Role;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.Schemas;
import dev.rollcall.scim.validation.ResourceValidator;
import dev.rollcall.scim.validation.ScimValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/** The SCIM Group representation of a custom role, and what a request body says of a group. */
public final class GroupRepresentation {
  public static final String GROUP_SCHEMA = Schemas.GROUP_URN;

  /** What a POST or PUT body says of a group. */
  public record GroupBody(String displayName, String externalId, Set<String> memberIds) {}

  private GroupRepresentation() {}

  /**
   * Reads a POST body against the built-in schemas; see {@link #toBody(JsonObject,
   * SchemaRegistry)}.
   */
  public static GroupBody toBody(JsonObject body) {
    return toBody(body, SchemaRegistry.builtIn());
  }

  /**
   * Reads a POST body, or a representation a PATCH produced: {@link ResourceValidator} checks and
   * cleans it against the organization's schemas, then {@link #fromValidated} reads it.
   *
   * @throws ScimValidationException naming the attribute that does not fit the schemas
   */
  public static GroupBody toBody(JsonObject body, SchemaRegistry registry) {
    return fromValidated(ResourceValidator.validateForCreate(body, registry, ResourceKind.GROUP));
  }

  /**
   * What a body {@link ResourceValidator} has cleaned says of a group. Members must be users: a
   * member whose {@code type} is not {@code User} (the validator has given canonical values their
   * canonical case) is refused, because nested groups are not supported.
   */
  public static GroupBody fromValidated(JsonObject group) {
    Set<String> memberIds = new LinkedHashSet<>();
    JsonArray members =
        group.get("members") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    for (JsonObject member : members.getValuesAs(JsonObject.class)) {
      if (!member.getString("type", "User").equals("User")) {
        throw JsonReading.invalid(
            "Only users can be group members; nested groups are not supported");
      }
      memberIds.add(member.getString("value"));
    }
    return new GroupBody(
        group.getString("displayName"), group.getString("externalId", null), memberIds);
  }

  public static JsonObject toJson(ProvisionedGroup group, String scimBase) {
    Role role = group.role();
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("schemas", JSON.createArrayBuilder().add(GROUP_SCHEMA))
            .add("id", role.id());
    role.externalId().ifPresent(v -> json.add("externalId", v));
    json.add("displayName", role.name());
    group
        .members()
        .ifPresent(
            members -> {
              JsonArrayBuilder array = JSON.createArrayBuilder();
              for (MemberRef member : members) {
                JsonObjectBuilder m =
                    JSON.createObjectBuilder()
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
