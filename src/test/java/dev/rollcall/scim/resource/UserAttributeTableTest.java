package dev.rollcall.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rollcall.application.UserProvisioning.ProvisionedUser;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.member.UserAttribute;
import dev.rollcall.scim.ScimJson;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.Schemas;
import jakarta.json.JsonObject;
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

  private static JsonObject body(UserAttribute attribute, String value) {
    return ScimJson.userWith(attribute, value, "ada");
  }

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
    assertEquals(value, ScimJson.valueAt(shown, attribute));
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
}
