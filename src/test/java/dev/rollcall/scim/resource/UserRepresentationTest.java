package dev.rollcall.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.UserProvisioning.ProvisionedUser;
import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.domain.member.CustomAttribute;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.role.GrantRepository.GroupRef;
import dev.rollcall.scim.projection.AttributeProjection;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rendered user is what the default projection would show, which is what lets {@code /Users}
 * skip that projection.
 */
class UserRepresentationTest {
  private static final String ACME = "urn:acme:params:scim:schemas:extension:2.0:User";
  private static final String DROPPED = "urn:dropped:params:scim:schemas:extension:2.0:User";
  private static final String BASE = "https://scim.example/scim/v2/org1";

  private final SchemaRegistry registry =
      SchemaRegistry.withExtensions(
          List.of(
              ScimSchemas.definition(
                  new ExtensionDeclaration(
                      ACME,
                      List.of(
                          new ExtensionDeclaration.Attribute(
                              "badge", ExtensionDeclaration.Type.STRING),
                          new ExtensionDeclaration.Attribute(
                              "vip", ExtensionDeclaration.Type.BOOLEAN))))));

  /** Every kind of attribute a user can hold: columns, JSON-stored ones, enterprise, extension. */
  private ProvisionedUser everything() {
    JsonObject body =
        Json.createReader(
                new StringReader(
                    ("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User',"
                            + " 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', '"
                            + ACME
                            + "'], 'userName': 'ada@example.com', 'externalId': 'x-1',"
                            + " 'name': {'givenName': 'Ada', 'familyName': 'Lovelace',"
                            + " 'formatted': 'Ada Lovelace', 'middleName': 'K',"
                            + " 'honorificPrefix': 'Lady', 'honorificSuffix': 'II'},"
                            + " 'displayName': 'Ada', 'nickName': 'al', 'title': 'Countess',"
                            + " 'profileUrl': 'https://example.com/ada', 'userType': 'Employee',"
                            + " 'preferredLanguage': 'en', 'locale': 'en-GB',"
                            + " 'timezone': 'Europe/London', 'active': true,"
                            + " 'password': 'secret-1',"
                            + " 'emails': [{'value': 'ada@example.com', 'type': 'work',"
                            + " 'primary': true}, {'value': 'ada@home.example', 'type': 'home'}],"
                            + " 'phoneNumbers': [{'value': '+44 1', 'type': 'work'}],"
                            + " 'addresses': [{'streetAddress': '1 St James', 'locality':"
                            + " 'London', 'country': 'GB', 'type': 'work', 'primary': true}],"
                            + " 'ims': [{'value': 'ada', 'type': 'xmpp'}],"
                            + " 'photos': [{'value': 'https://example.com/a.png', 'type':"
                            + " 'photo'}],"
                            + " 'entitlements': [{'value': 'analytics'}],"
                            + " 'roles': [{'value': 'engineer', 'primary': true}],"
                            + " 'x509Certificates': [{'value': 'TUlJQw=='}],"
                            + " 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                            + " {'employeeNumber': '42', 'costCenter': 'cc', 'organization': 'o',"
                            + " 'division': 'd', 'department': 'Engines',"
                            + " 'manager': {'value': 'boss-1'}},"
                            + " '"
                            + ACME
                            + "': {'badge': 'b-7', 'vip': true}}")
                        .replace('\'', '"')))
            .readObject();
    Profile profile = UserRepresentation.toProfile(body, registry);
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    Member member = new Member("u-1", profile.userName(), "ada@example.com", now);
    member.applyProfile(profile, now);
    List<CustomAttribute> custom = new ArrayList<>(profile.customAttributes());
    custom.add(CustomAttribute.text(DROPPED, "legacy", "kept in storage"));
    return new ProvisionedUser(
        member,
        profile.emails(),
        true,
        List.of(new GroupRef("g-1", "Engineers"), new GroupRef("g-2", "Admins")),
        custom);
  }

  @Test
  void theDefaultProjectionLeavesTheRenderedUserAsItIs() {
    JsonObject json = UserRepresentation.toJson(everything(), BASE, registry);
    AttributeProjection defaults = AttributeProjection.defaults(registry, ResourceKind.USER);

    assertTrue(defaults.isDefault());
    assertEquals(json, defaults.apply(json));
    // the test is only as good as its user: every kind of value is really there
    for (String name :
        List.of(
            "externalId",
            "name",
            "emails",
            "phoneNumbers",
            "addresses",
            "x509Certificates",
            "groups",
            "orgadmin",
            UserRepresentation.ENTERPRISE_SCHEMA,
            ACME,
            "meta")) {
      assertTrue(json.containsKey(name), name);
    }
    assertFalse(json.containsKey("password"));
  }

  @Test
  void valuesOfAnExtensionNoLongerDeclaredAreNotShown() {
    JsonObject json = UserRepresentation.toJson(everything(), BASE, registry);

    assertFalse(json.containsKey(DROPPED));
    assertFalse(json.getJsonArray("schemas").toString().contains(DROPPED));
    assertEquals("b-7", json.getJsonObject(ACME).getString("badge"));
  }

  @Test
  void onlyProjectionsWithoutParametersCountAsTheDefault() {
    assertTrue(AttributeProjection.of(registry, ResourceKind.USER, " ", null).isDefault());
    assertTrue(
        AttributeProjection.of(registry, ResourceKind.USER, null, "noSuchAttribute").isDefault());
    assertFalse(AttributeProjection.of(registry, ResourceKind.USER, "userName", null).isDefault());
    assertFalse(AttributeProjection.of(registry, ResourceKind.USER, null, "emails").isDefault());
    assertFalse(AttributeProjection.of(registry, ResourceKind.USER, null, ACME).isDefault());
  }

  @Test
  void aMemberMadeByAStatementShowsItsAddressAsItsWorkEmail() {
    Member invited = Member.withWorkEmail("u-2", "Bob@Example.com", Instant.EPOCH);
    JsonObject json =
        UserRepresentation.toJson(
            new ProvisionedUser(invited, invited.emails(), false, List.of(), List.of()),
            BASE,
            registry);

    assertEquals(
        "[{\"value\":\"Bob@Example.com\",\"type\":\"work\",\"primary\":true}]",
        json.getJsonArray("emails").toString());
    assertEquals("Bob@Example.com", invited.email().orElseThrow());
  }

  @Test
  void aPutThatLeavesEmailsOutKeepsThemAndOneThatNamesThemDecides() {
    JsonObject current =
        read("{\"userName\":\"bob\",\"emails\":[{\"value\":\"b@x\",\"type\":\"work\"}]}");

    JsonObject silent = UserRepresentation.keepingEmails(read("{\"userName\":\"bob\"}"), current);
    assertEquals(current.get("emails"), silent.get("emails"));
    JsonObject emptied =
        UserRepresentation.keepingEmails(read("{\"userName\":\"bob\",\"emails\":[]}"), current);
    assertTrue(emptied.getJsonArray("emails").isEmpty());
    JsonObject nulled =
        UserRepresentation.keepingEmails(read("{\"userName\":\"bob\",\"Emails\":null}"), current);
    assertFalse(nulled.containsKey("emails"), "any spelling of the name counts as naming it");
    JsonObject none =
        UserRepresentation.keepingEmails(
            read("{\"userName\":\"bob\"}"), read("{\"userName\":\"bob\"}"));
    assertFalse(none.containsKey("emails"));
  }

  private static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
