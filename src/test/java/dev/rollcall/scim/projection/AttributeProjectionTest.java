package dev.rollcall.scim.projection;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.USER;
import static dev.rollcall.scim.ScimJson.json;
import static dev.rollcall.scim.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.filter.InvalidPathException;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.Returned;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeProjectionTest {

  private static final String ACME = "urn:acme:params:scim:schemas:extension:2.0:User";

  private final SchemaRegistry registry =
      SchemaRegistry.withExtensions(
          List.of(
              new SchemaDefinition(
                  ACME,
                  "AcmeUser",
                  "",
                  List.of(
                      AttributeDefinition.builder("clearance", AttributeType.STRING)
                          .returned(Returned.REQUEST)
                          .build(),
                      AttributeDefinition.builder("badge", AttributeType.INTEGER).build()))));

  private static JsonObject user() {
    return object(
        "{'schemas': ['"
            + USER
            + "', '"
            + ENTERPRISE
            + "', '"
            + ACME
            + "'],"
            + " 'id': 'u1', 'externalId': 'e1', 'userName': 'bjensen', 'password': 'secret',"
            + " 'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},"
            + " 'active': true, 'orgadmin': false,"
            + " 'emails': [{'value': 'b@example.com', 'type': 'work', 'primary': true},"
            + "            {'value': 'b@home.example', 'type': 'home'}],"
            + " 'internalColumn': 17,"
            + " 'meta': {'resourceType': 'User', 'version': 'W/1'},"
            + " '"
            + ENTERPRISE
            + "': {'department': 'Sales', 'manager': {'value': 'm1'}},"
            + " '"
            + ACME
            + "': {'clearance': 'secret', 'badge': 7}}");
  }

  private JsonObject project(String attributes, String excluded) {
    return AttributeProjection.of(registry, ResourceKind.USER, attributes, excluded).apply(user());
  }

  @Test
  void byDefaultEverythingButNeverAndRequestAttributesIsReturned() {
    JsonObject result = project(null, null);
    assertFalse(result.containsKey("password"), "returned never");
    assertFalse(result.containsKey("internalColumn"), "not in any schema");
    assertEquals(
        Set.of(
            "schemas",
            "id",
            "externalId",
            "userName",
            "name",
            "active",
            "orgadmin",
            "emails",
            "meta",
            ENTERPRISE,
            ACME),
        result.keySet());
    assertEquals(object("{'badge': 7}"), result.getJsonObject(ACME), "clearance is on request");
    assertEquals(List.of("schemas", "id"), List.copyOf(result.keySet()).subList(0, 2));
  }

  @Test
  void attributesNamesWhatIsReturnedBesidesSchemasAndId() {
    JsonObject result = project("userName,name.givenName", null);
    assertEquals(Set.of("schemas", "id", "userName", "name"), result.keySet());
    assertEquals(object("{'givenName': 'Barbara'}"), result.getJsonObject("name"));
    // extensions that contributed nothing leave schemas
    assertEquals(
        List.of(USER),
        result.getJsonArray("schemas").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
  }

  @Test
  void attributesMayNameSubAttributesOfMultiValuedOnes() {
    JsonObject result = project("emails.value", null);
    assertEquals(
        json("[{'value': 'b@example.com'}, {'value': 'b@home.example'}]"),
        result.getJsonArray("emails"));
  }

  @Test
  void attributesMayBeUrnQualifiedOrWholeSchemas() {
    JsonObject department = project(ENTERPRISE + ":department", null);
    assertEquals(object("{'department': 'Sales'}"), department.getJsonObject(ENTERPRISE));
    assertFalse(department.containsKey(ACME));

    JsonObject wholeAcme = project(ACME, null);
    assertEquals(
        object("{'clearance': 'secret', 'badge': 7}"),
        wholeAcme.getJsonObject(ACME),
        "naming the schema names its request-only attributes too");

    JsonObject clearance = project(ACME + ":clearance", null);
    assertEquals(object("{'clearance': 'secret'}"), clearance.getJsonObject(ACME));

    JsonObject unqualified = project("DEPARTMENT, badge", null);
    assertEquals(object("{'department': 'Sales'}"), unqualified.getJsonObject(ENTERPRISE));
    assertEquals(object("{'badge': 7}"), unqualified.getJsonObject(ACME));
  }

  @Test
  void neverReturnedAttributesStayOutEvenWhenAskedFor() {
    JsonObject result = project("password,userName", null);
    assertFalse(result.containsKey("password"));
    assertTrue(result.containsKey("userName"));
  }

  @Test
  void excludedAttributesRemovesDefaultAttributesButNotAlwaysOnes() {
    JsonObject result = project(null, "emails, name.familyName, id, " + ENTERPRISE);
    assertFalse(result.containsKey("emails"));
    assertEquals(object("{'givenName': 'Barbara'}"), result.getJsonObject("name"));
    assertEquals("u1", result.getString("id"), "id is always returned");
    assertFalse(result.containsKey(ENTERPRISE));
    assertTrue(result.containsKey("userName"));
    assertFalse(
        result.getJsonArray("schemas").toString().contains(ENTERPRISE),
        "the excluded extension leaves schemas");
  }

  @Test
  void excludingASubAttributeOfMultiValuedValues() {
    JsonObject result = project(null, "emails.primary,emails.type");
    assertEquals(
        json("[{'value': 'b@example.com'}, {'value': 'b@home.example'}]"),
        result.getJsonArray("emails"));
  }

  @Test
  void attributesWinOverExcludedAttributes() {
    JsonObject result = project("userName", "userName");
    assertTrue(result.containsKey("userName"));
  }

  @Test
  void unknownNamesAreIgnoredAndMalformedOnesRefused() {
    JsonObject result = project("userName,shoeSize,name.nickName", null);
    assertEquals(Set.of("schemas", "id", "userName"), result.keySet());
    assertThrows(InvalidPathException.class, () -> project("emails[type eq \"work\"]", null));
  }

  @Test
  void includesTellsCallersWhatNotToLoad() {
    AttributeProjection excludingMembers =
        AttributeProjection.of(registry, ResourceKind.GROUP, null, "members");
    assertFalse(excludingMembers.includes("members"));
    assertFalse(excludingMembers.includes("members.value"));
    assertTrue(excludingMembers.includes("displayName"));
    assertTrue(excludingMembers.includes("id"));

    AttributeProjection onlyName =
        AttributeProjection.of(registry, ResourceKind.GROUP, "displayName", null);
    assertFalse(onlyName.includes("members"));
    assertTrue(onlyName.includes("DISPLAYNAME"));
    assertTrue(onlyName.includes(GROUP + ":displayName"));

    AttributeProjection memberIds =
        AttributeProjection.of(registry, ResourceKind.GROUP, "members.value", null);
    assertTrue(memberIds.includes("members"));
    assertTrue(memberIds.includes("members.value"));
    assertFalse(memberIds.includes("members.display"));

    AttributeProjection defaults = AttributeProjection.defaults(registry, ResourceKind.USER);
    assertTrue(defaults.includes("emails"));
    assertTrue(defaults.includes(ENTERPRISE));
    assertFalse(defaults.includes("password"));
    assertFalse(defaults.includes(ACME + ":clearance"));
    assertFalse(defaults.includes("shoeSize"));
  }

  @Test
  void groupsKeepTheirMembersUnlessExcluded() {
    JsonObject group =
        object(
            "{'schemas': ['"
                + GROUP
                + "'], 'id': 'g1', 'displayName': 'Eng',"
                + " 'members': [{'value': 'u1', 'display': 'Ann', '$ref': 'https://x/Users/u1'}]}");
    assertEquals(group, AttributeProjection.defaults(registry, ResourceKind.GROUP).apply(group));
    JsonObject without =
        AttributeProjection.of(registry, ResourceKind.GROUP, "", "members").apply(group);
    assertEquals(Set.of("schemas", "id", "displayName"), without.keySet());
  }
}
