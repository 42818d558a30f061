package dev.rollcall.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rollcall.application.UserProvisioning.ProvisionedUser;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.member.UserAttribute;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.Schemas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each entry of the attribute table, read from a body, stored on a member, rendered back at its
 * path, defined in its schema, and limited to its column's length with the attribute named. An
 * entry added to the table is checked here as it is; UserAttributesIT does the same over HTTP.
 */
class UserAttributeTableTest {
  private static final String BASE = "https://rollcall.example/scim/v2/o-1";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @ParameterizedTest
  @EnumSource(UserAttribute.class)
  void aValueGoesFromTheBodyToTheMemberAndBack(UserAttribute attribute) {
    String value = attribute.match() == UserAttribute.Match.URL ? "https://p.example/v" : "Val-1";
    Profile profile = UserRepresentation.toProfile(body(attribute, value));
    assertEquals(value, profile.value(attribute));

    Member member = new Member("u-1", profile.userName(), null, NOW);
    member.applyProfile(profile, NOW);
    assertEquals(value, attribute.of(member));
    JsonObject shown =
        UserRepresentation.toJson(
            new ProvisionedUser(member, List.of(), false, List.of(), List.of()),
            BASE,
            SchemaRegistry.builtIn());
    JsonObject holder =
        attribute.schema() == UserAttribute.Schema.ENTERPRISE
            ? shown.getJsonObject(Schemas.ENTERPRISE_USER_URN)
            : shown;
    if (attribute.parent() != null) {
      holder = holder.getJsonObject(attribute.parent());
    }
    assertEquals(value, holder.getString(attribute.attributeName()));
  }

  @ParameterizedTest
  @EnumSource(UserAttribute.class)
  void itsSchemaDefinesIt(UserAttribute attribute) {
    SchemaDefinition schema =
        attribute.schema() == UserAttribute.Schema.ENTERPRISE
            ? Schemas.ENTERPRISE_USER
            : Schemas.USER;
    String top = attribute.parent() == null ? attribute.path() : attribute.parent();
    AttributeDefinition definition =
        schema.attributes().stream().filter(a -> a.nameMatches(top)).findFirst().orElseThrow();
    if (attribute.parent() != null) {
      definition = definition.subAttribute(attribute.attributeName()).orElseThrow();
    }
    assertEquals(attribute.description(), definition.description());
    assertEquals(attribute.match() == UserAttribute.Match.EXACT, definition.caseExact());
  }

  @ParameterizedTest
  @EnumSource(UserAttribute.class)
  void aValueLongerThanItsColumnIsRefusedNamingIt(UserAttribute attribute) {
    UserRepresentation.toProfile(body(attribute, "x".repeat(attribute.maxLength()))).requireFits();
    Profile tooLong =
        UserRepresentation.toProfile(body(attribute, "x".repeat(attribute.maxLength() + 1)));
    InvalidRequestException refused =
        assertThrows(InvalidRequestException.class, tooLong::requireFits);
    assertEquals(
        attribute.path() + " must be at most " + attribute.maxLength() + " characters",
        refused.getMessage());
  }

  private static JsonObject body(UserAttribute attribute, String value) {
    JsonObjectBuilder user =
        Json.createObjectBuilder()
            .add(
                "schemas",
                Json.createArrayBuilder().add(Schemas.USER_URN).add(Schemas.ENTERPRISE_USER_URN))
            .add("userName", "ada");
    JsonObjectBuilder holder = Json.createObjectBuilder();
    JsonObjectBuilder leaf = attribute.parent() == null ? holder : Json.createObjectBuilder();
    leaf.add(attribute.attributeName(), value);
    if (attribute.parent() != null) {
      holder.add(attribute.parent(), leaf);
    }
    if (attribute.schema() == UserAttribute.Schema.ENTERPRISE) {
      user.add(Schemas.ENTERPRISE_USER_URN, holder);
    } else {
      holder.build().forEach(user::add);
    }
    return user.build();
  }
}
