package dev.rollcall.scim.validation;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.USER;
import static dev.rollcall.scim.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.projection.AttributeProjection;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** What a valid POST body becomes: Okta's and Entra ID's bodies, names, coercion, dropping. */
class ResourceValidatorTest {

  private static final SchemaRegistry REGISTRY = SchemaRegistry.builtIn();

  private static JsonObject user(String singleQuoted) {
    return ResourceValidator.validateForCreate(object(singleQuoted), REGISTRY, ResourceKind.USER);
  }

  private static JsonObject group(String singleQuoted) {
    return ResourceValidator.validateForCreate(object(singleQuoted), REGISTRY, ResourceKind.GROUP);
  }

  @Test
  void oktasCreateUserBodyPassesWithoutItsPasswordAndEmptyGroups() {
    JsonObject cleaned =
        user(
            "{'schemas': ['"
                + USER
                + "'], 'userName': 'isabella@example.com',"
                + " 'name': {'givenName': 'Isabella', 'familyName': 'Doe'},"
                + " 'emails': [{'primary': true, 'value': 'isabella@example.com', 'type': 'work'}],"
                + " 'displayName': 'Isabella Doe', 'locale': 'en-US',"
                + " 'externalId': '00ujl29u0le5T6Aj10h7', 'groups': [],"
                + " 'password': '1mz050nq', 'active': true}");
    assertEquals(
        object(
            "{'schemas': ['"
                + USER
                + "'], 'externalId': '00ujl29u0le5T6Aj10h7', 'userName': 'isabella@example.com',"
                + " 'name': {'familyName': 'Doe', 'givenName': 'Isabella'},"
                + " 'displayName': 'Isabella Doe', 'locale': 'en-US', 'active': true,"
                + " 'emails': [{'value': 'isabella@example.com', 'type': 'work', 'primary': true}]}"),
        cleaned);
  }

  @Test
  void entrasCreateUserBodyPassesWithStringBooleansAndTheEnterpriseExtension() {
    JsonObject cleaned =
        user(
            "{'schemas': ['"
                + USER
                + "', '"
                + ENTERPRISE
                + "'], 'externalId': '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',"
                + " 'userName': 'Test_User_ab6490ee@contoso.com', 'active': 'True',"
                + " 'displayName': 'Test User',"
                + " 'emails': [{'primary': 'True', 'type': 'Work', 'value': 'test@contoso.com'}],"
                + " 'meta': {'resourceType': 'User'},"
                + " 'name': {'formatted': 'Test User', 'familyName': 'User', 'givenName': 'Test'},"
                + " 'roles': [],"
                + " '"
                + ENTERPRISE
                + "': {'employeeNumber': '1234', 'department': 'Sales', 'manager': 'mgr-1'}}");
    assertEquals(
        object(
            "{'schemas': ['"
                + USER
                + "', '"
                + ENTERPRISE
                + "'], 'externalId': '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',"
                + " 'userName': 'Test_User_ab6490ee@contoso.com',"
                + " 'name': {'formatted': 'Test User', 'familyName': 'User', 'givenName': 'Test'},"
                + " 'displayName': 'Test User', 'active': true,"
                + " 'emails': [{'value': 'test@contoso.com', 'type': 'work', 'primary': true}],"
                + " '"
                + ENTERPRISE
                + "': {'employeeNumber': '1234', 'department': 'Sales',"
                + "      'manager': {'value': 'mgr-1'}}}"),
        cleaned);
  }

  @Test
  void oktasAndEntrasCreateGroupBodiesPass() {
    assertEquals(
        object("{'schemas': ['" + GROUP + "'], 'displayName': 'Test SCIMv2'}"),
        group("{'schemas': ['" + GROUP + "'], 'displayName': 'Test SCIMv2', 'members': []}"));
    assertEquals(
        object(
            "{'schemas': ['"
                + GROUP
                + "'], 'externalId': '8aa1a0c0', 'displayName': 'Group1',"
                + " 'members': [{'value': 'u1', 'type': 'User'}]}"),
        group(
            "{'schemas': ['"
                + GROUP
                + "'], 'externalId': '8aa1a0c0', 'displayName': 'Group1',"
                + " 'meta': {'resourceType': 'Group'},"
                + " 'members': [{'value': 'u1', 'display': 'Ann', 'type': 'user'}]}"));
  }

  @Test
  void namesMatchIgnoringCaseAndComeOutSpelledAsTheSchemaSpellsThem() {
    JsonObject cleaned =
        user(
            "{'SCHEMAS': ['"
                + USER.toUpperCase()
                + "'], 'USERNAME': 'bjensen', 'Name': {'GivenName': 'Barbara'},"
                + " 'EMAILS': [{'VALUE': 'b@example.com', 'Primary': true}],"
                + " '"
                + ENTERPRISE.toLowerCase()
                + "': {'DEPARTMENT': 'Tour', 'Manager': {'VALUE': 'm1'}}}");
    assertEquals(
        object(
            "{'schemas': ['"
                + USER
                + "', '"
                + ENTERPRISE
                + "'], 'userName': 'bjensen', 'name': {'givenName': 'Barbara'},"
                + " 'emails': [{'value': 'b@example.com', 'primary': true}],"
                + " '"
                + ENTERPRISE
                + "': {'department': 'Tour', 'manager': {'value': 'm1'}}}"),
        cleaned);
  }

  @Test
  void urnQualifiedAndPlainExtensionKeysMoveUnderTheExtension() {
    JsonObject cleaned =
        user(
            "{'userName': 'bjensen',"
                + " '"
                + ENTERPRISE
                + ":department': 'Tour',"
                + " '"
                + ENTERPRISE
                + ":manager.value': 'm1',"
                + " 'costCenter': '4130',"
                + " '"
                + ENTERPRISE
                + "': {'division': 'Theme Park'}}");
    assertEquals(
        object(
            "{'schemas': ['"
                + USER
                + "', '"
                + ENTERPRISE
                + "'], 'userName': 'bjensen',"
                + " '"
                + ENTERPRISE
                + "': {'costCenter': '4130', 'division': 'Theme Park', 'department': 'Tour',"
                + "      'manager': {'value': 'm1'}}}"),
        cleaned);
  }

  @Test
  void dottedKeysAndTheSameValueGivenTwiceMerge() {
    JsonObject cleaned =
        user(
            "{'userName': 'bjensen', 'USERNAME': 'bjensen', 'name': {'givenName': 'Barbara'},"
                + " 'name.familyName': 'Jensen'}");
    assertEquals(
        object("{'givenName': 'Barbara', 'familyName': 'Jensen'}"), cleaned.getJsonObject("name"));
    assertEquals("bjensen", cleaned.getString("userName"));
  }

  @Test
  void schemasIsAddedWhenMissingAndListsOnlyTheSchemasInUse() {
    assertEquals(
        object("{'schemas': ['" + USER + "'], 'userName': 'bjensen'}"),
        user("{'userName': 'bjensen'}"));
    assertEquals(
        object("{'schemas': ['" + USER + "'], 'userName': 'bjensen'}"),
        user(
            "{'schemas': ['"
                + ENTERPRISE
                + "', '"
                + USER
                + "', 'urn:example:unknown'], 'userName': 'bjensen', '"
                + ENTERPRISE
                + "': {}}"));
  }

  @Test
  void readOnlyAttributesAndSubAttributesAreDroppedWithoutLookingAtThem() {
    JsonObject cleaned =
        user(
            "{'id': 42, 'userName': 'bjensen',"
                + " 'meta': {'created': 'not a date', 'version': 'W/\\\"1\\\"'},"
                + " 'groups': [{'value': 'g1', 'display': 'Engineering'}],"
                + " '"
                + ENTERPRISE
                + "': {'manager': {'value': 'm1', 'displayName': 'Boss'}}}");
    assertEquals(
        object(
            "{'schemas': ['"
                + USER
                + "', '"
                + ENTERPRISE
                + "'], 'userName': 'bjensen', '"
                + ENTERPRISE
                + "': {'manager': {'value': 'm1'}}}"),
        cleaned);
    JsonObject members =
        group("{'displayName': 'Eng', 'members': [{'value': 'u1', 'display': 'Ann'}]}");
    assertEquals(object("{'value': 'u1'}"), members.getJsonArray("members").getJsonObject(0));
  }

  @Test
  void unknownAttributesAreDroppedAtEveryLevel() {
    JsonObject cleaned =
        user(
            "{'userName': 'bjensen', 'shoeSize': 42, 'not a name': 1,"
                + " 'urn:example:unknown:2.0:User': {'x': 1},"
                + " 'urn:example:unknown:2.0:User:x': 1,"
                + " 'name': {'givenName': 'Barbara', 'nickname': 'Babs'},"
                + " 'emails': [{'value': 'b@example.com', 'verified': true}]}");
    assertEquals(
        object(
            "{'schemas': ['"
                + USER
                + "'], 'userName': 'bjensen', 'name': {'givenName': 'Barbara'},"
                + " 'emails': [{'value': 'b@example.com'}]}"),
        cleaned);
  }

  @Test
  void passwordNeverReachesTheCleanedBodyNorAResponse() {
    JsonObject cleaned = user("{'userName': 'bjensen', 'PASSWORD': 't1meMa$heen'}");
    assertFalse(cleaned.containsKey("password"));
    assertFalse(cleaned.containsKey("PASSWORD"));
    assertEquals(1 + 1, cleaned.size(), "schemas and userName only");

    // Responses: the projection drops returned:never attributes even from a resource that has them
    // and even when asked for by name.
    JsonObject stored =
        object(
            "{'schemas': ['"
                + USER
                + "'], 'id': 'u1', 'userName': 'bjensen', 'password': 'secret',"
                + " 'meta': {'resourceType': 'User'}}");
    for (String attributes : new String[] {null, "password", "userName,password"}) {
      JsonObject response =
          AttributeProjection.of(REGISTRY, ResourceKind.USER, attributes, null).apply(stored);
      assertFalse(response.containsKey("password"), "attributes=" + attributes);
    }
    assertFalse(
        AttributeProjection.of(REGISTRY, ResourceKind.USER, null, "userName")
            .apply(stored)
            .containsKey("password"));
  }

  @Test
  void stringBooleansNumericStringsAndCanonicalValuesAreNormalised() {
    JsonObject cleaned =
        user(
            "{'userName': 'bjensen', 'active': 'FALSE', 'orgadmin': ' true ',"
                + " 'emails': [{'value': 'b@example.com', 'type': 'HOME', 'primary': 'False'}],"
                + " 'phoneNumbers': [{'value': '+1 555', 'type': 'Mobile'},"
                + "                  {'value': '+1 556', 'type': 'satellite'}],"
                + " 'addresses': [{'locality': 'Paris', 'type': 'Work'}]}");
    assertEquals(JsonValue.FALSE, cleaned.get("active"));
    assertEquals(JsonValue.TRUE, cleaned.get("orgadmin"));
    assertEquals(
        object("{'value': 'b@example.com', 'type': 'home', 'primary': false}"),
        cleaned.getJsonArray("emails").getJsonObject(0));
    assertEquals("mobile", cleaned.getJsonArray("phoneNumbers").getJsonObject(0).getString("type"));
    assertEquals(
        "satellite",
        cleaned.getJsonArray("phoneNumbers").getJsonObject(1).getString("type"),
        "values that are not canonical are kept");
    assertEquals("work", cleaned.getJsonArray("addresses").getJsonObject(0).getString("type"));
  }

  @Test
  void aSingleValueForAMultiValuedAttributeBecomesAnArrayOfOne() {
    assertEquals(
        object("{'a': [{'value': 'b@example.com', 'type': 'work'}]}").getJsonArray("a"),
        user("{'userName': 'bjensen', 'emails': {'value': 'b@example.com', 'type': 'work'}}")
            .getJsonArray("emails"));
    assertEquals(
        object("{'a': [{'value': 'b@example.com'}]}").getJsonArray("a"),
        user("{'userName': 'bjensen', 'emails': 'b@example.com'}").getJsonArray("emails"));
    assertEquals(
        object("{'a': [{'value': 'u1'}]}").getJsonArray("a"),
        group("{'displayName': 'Eng', 'members': {'value': 'u1'}}").getJsonArray("members"));
  }

  @Test
  void nullsAndEmptyValuesAreUnassigned() {
    assertEquals(
        object("{'schemas': ['" + USER + "'], 'userName': 'bjensen'}"),
        user(
            "{'userName': 'bjensen', 'displayName': null, 'emails': [], 'name': {},"
                + " 'addresses': null, '"
                + ENTERPRISE
                + "': null}"));
  }

  @Test
  void onePrimaryValueIsFineAndPrimaryFalseIsKept() {
    JsonObject cleaned =
        user(
            "{'userName': 'bjensen', 'emails': ["
                + "{'value': 'a@example.com', 'primary': false},"
                + "{'value': 'b@example.com', 'primary': true},"
                + "{'value': 'c@example.com'}]}");
    assertEquals(JsonValue.FALSE, cleaned.getJsonArray("emails").getJsonObject(0).get("primary"));
    assertEquals(JsonValue.TRUE, cleaned.getJsonArray("emails").getJsonObject(1).get("primary"));
    assertFalse(cleaned.getJsonArray("emails").getJsonObject(2).containsKey("primary"));
  }

  @Test
  void validatingACleanedBodyAgainChangesNothing() {
    JsonObject once =
        user(
            "{'USERNAME': 'bjensen', 'active': 'True', 'emails': {'value': 'b@example.com',"
                + " 'type': 'Work'}, '"
                + ENTERPRISE
                + ":manager': 'm1'}");
    assertEquals(once, ResourceValidator.validateForCreate(once, REGISTRY, ResourceKind.USER));
    assertTrue(once.getJsonObject(ENTERPRISE).containsKey("manager"));
  }
}
