package dev.rollcall.scim.patch;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.object;
import static dev.rollcall.scim.ScimJson.op;
import static dev.rollcall.scim.ScimJson.opString;
import static dev.rollcall.scim.ScimJson.patch;
import static dev.rollcall.scim.patch.Fixtures.element;
import static dev.rollcall.scim.patch.Fixtures.schemas;
import static dev.rollcall.scim.patch.Fixtures.user;
import static dev.rollcall.scim.patch.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7644 §3.5.2 semantics beyond the clients' own shapes. */
class PatchSemanticsTest {

  private static final String ACME = "urn:acme:params:scim:schemas:extension:2.0:User";

  private final PatchEngine engine =
      new PatchEngine(
          SchemaRegistry.withExtensions(
              List.of(
                  new SchemaDefinition(
                      ACME,
                      "AcmeUser",
                      "",
                      List.of(
                          AttributeDefinition.builder("badge", AttributeType.INTEGER).build(),
                          AttributeDefinition.builder("hired", AttributeType.DATE_TIME).build(),
                          AttributeDefinition.builder("employeeId", AttributeType.STRING)
                              .immutable()
                              .caseExact()
                              .build(),
                          AttributeDefinition.builder("tags", AttributeType.STRING)
                              .multiValued()
                              .build())))));

  private JsonObject apply(JsonObject resource, JsonObject... operations) {
    return engine.apply(resource, patch(operations), ResourceKind.USER);
  }

  @Test
  void addAppendsWithoutDuplicatingEqualValues() {
    JsonObject after =
        apply(
            user(),
            op(
                "add",
                "emails",
                "[{'value': 'BJENSEN@example.com', 'type': 'work', 'display': 'Work'},"
                    + " {'value': 'b@other.example', 'type': 'other'}]"));
    // emails compare without regard to case; the equal one is updated in place
    assertEquals(
        List.of("BJENSEN@example.com", "babs@home.example", "b@other.example"),
        values(after, "emails"));
    assertEquals("Work", element(after, "emails", "BJENSEN@example.com").getString("display"));
  }

  @Test
  void addOfOneValueToAMultiValuedAttributeNeedsNoArray() {
    JsonObject after = apply(user(), op("add", "phoneNumbers", "{'value': '555-0100'}"));
    assertEquals(List.of("555-0100"), values(after, "phoneNumbers"));
  }

  @Test
  void replaceWithoutFilterReplacesAllValues() {
    JsonObject after = apply(user(), op("replace", "emails", "[{'value': 'only@example.com'}]"));
    assertEquals(List.of("only@example.com"), values(after, "emails"));
  }

  @Test
  void replaceThroughAFilterReplacesTheMatchingValue() {
    JsonObject after =
        apply(
            user(),
            op(
                "replace",
                "emails[type eq \"home\"]",
                "{'value': 'new@home.example', 'type': 'home'}"));
    assertEquals(List.of("bjensen@example.com", "new@home.example"), values(after, "emails"));
  }

  @Test
  void settingAPrimaryValueClearsTheOthers() {
    JsonObject after = apply(user(), op("replace", "emails[type eq \"home\"].primary", "true"));
    assertEquals(JsonValue.TRUE, element(after, "emails", "babs@home.example").get("primary"));
    assertEquals(JsonValue.FALSE, element(after, "emails", "bjensen@example.com").get("primary"));

    JsonObject added =
        apply(user(), op("add", "emails", "{'value': 'n@example.com', 'primary': 'True'}"));
    assertEquals(JsonValue.TRUE, element(added, "emails", "n@example.com").get("primary"));
    assertEquals(JsonValue.FALSE, element(added, "emails", "bjensen@example.com").get("primary"));
  }

  @Test
  void readOnlyAttributesAreIgnoredByAddAndReplace() {
    JsonObject before = user();
    JsonObject after =
        apply(
            before,
            opString("replace", "id", "other"),
            op("replace", "meta", "{'resourceType': 'Group'}"),
            op("add", "groups", "[{'value': 'g9'}]"),
            op("replace", null, "{'id': 'x', 'meta': {'version': 'W/1'}, 'schemas': []}"));
    assertEquals(before, after);
    assertSame(before, after, "nothing was copied");
  }

  @Test
  void readOnlySubAttributesAreIgnored() {
    JsonObject after =
        apply(
            user(),
            op("add", ENTERPRISE + ":manager", "{'value': 'm1', 'displayName': 'The Boss'}"));
    assertEquals(
        Json.createObjectBuilder().add("value", "m1").build(),
        after.getJsonObject(ENTERPRISE).getJsonObject("manager"));
  }

  @Test
  void anImmutableAttributeCanBeSetOnceOnly() {
    JsonObject set = apply(user(), opString("add", ACME + ":employeeId", "E-1"));
    assertEquals("E-1", set.getJsonObject(ACME).getString("employeeId"));
    assertEquals(set, apply(set, opString("replace", ACME + ":employeeId", "E-1")));
    ScimPatchException e =
        assertThrows(
            ScimPatchException.class,
            () -> apply(set, opString("replace", ACME + ":employeeId", "e-1")));
    assertEquals("mutability", e.scimType());
    assertThrows(ScimPatchException.class, () -> apply(set, op("remove", ACME + ":employeeId")));
  }

  @Test
  void numbersAndDatesAreChecked() {
    JsonObject after =
        apply(
            user(),
            op(
                "add",
                null,
                "{'" + ACME + ":badge': '42', '" + ACME + ":hired': '2024-05-01T09:00:00Z'}"));
    assertEquals(42, after.getJsonObject(ACME).getInt("badge"));
    assertTrue(schemas(after).contains(ACME));
    for (String bad : List.of("'forty-two'", "4.5", "true")) {
      ScimPatchException e =
          assertThrows(
              ScimPatchException.class, () -> apply(user(), op("add", ACME + ":badge", bad)));
      assertEquals("invalidValue", e.scimType(), bad);
    }
    assertEquals(
        "invalidValue",
        assertThrows(
                ScimPatchException.class,
                () -> apply(user(), opString("add", ACME + ":hired", "yesterday")))
            .scimType());
  }

  @Test
  void simpleMultiValuedAttributesTakeValueFilters() {
    JsonObject tagged = apply(user(), op("add", ACME + ":tags", "['blue', 'green', 'red']"));
    JsonObject after = apply(tagged, op("remove", ACME + ":tags[value sw \"g\"]"));
    assertEquals(
        Json.createArrayBuilder().add("blue").add("red").build(),
        after.getJsonObject(ACME).getJsonArray("tags"));
  }

  @Test
  void removeThroughAFilterRemovesOnlyMatchesAndToleratesNone() {
    JsonObject after = apply(user(), op("remove", "emails[type eq \"home\" or value ew \".org\"]"));
    assertEquals(List.of("bjensen@example.com"), values(after, "emails"));
    JsonObject unchanged = apply(user(), op("remove", "emails[type eq \"other\"]"));
    assertEquals(user(), unchanged);
  }

  @Test
  void removingTheLastValueRemovesTheAttribute() {
    JsonObject after = apply(user(), op("remove", "emails[type pr]"));
    assertFalse(after.containsKey("emails"));
    JsonObject nameless =
        apply(user(), op("remove", "name.givenName"), op("remove", "name.familyName"));
    assertFalse(nameless.containsKey("name"));
  }

  @Test
  void removingASubAttributeOfMatchingValues() {
    JsonObject after = apply(user(), op("remove", "emails[type eq \"work\"].primary"));
    assertFalse(element(after, "emails", "bjensen@example.com").containsKey("primary"));
  }

  @Test
  void removingTheLastExtensionAttributeDropsTheExtension() {
    JsonObject withDepartment = apply(user(), opString("add", "department", "Sales"));
    assertEquals("Sales", withDepartment.getJsonObject(ENTERPRISE).getString("department"));
    assertTrue(schemas(withDepartment).contains(ENTERPRISE));

    JsonObject without = apply(withDepartment, op("remove", ENTERPRISE + ":department"));
    assertFalse(without.containsKey(ENTERPRISE));
    assertFalse(schemas(without).contains(ENTERPRISE));

    JsonObject wholeRemoved = apply(withDepartment, op("remove", ENTERPRISE));
    assertEquals(without, wholeRemoved);
  }

  @Test
  void attributeNamesAreCaseInsensitiveAndWrittenAsTheSchemaSpellsThem() {
    JsonObject stored =
        object("{'schemas': [], 'id': '1', 'username': 'a', 'NAME': {'GIVENNAME': 'x'}}");
    JsonObject after =
        engine.apply(
            stored,
            patch(opString("replace", "USERNAME", "b"), opString("replace", "Name.GivenName", "y")),
            ResourceKind.USER);
    assertEquals("b", after.getString("userName"));
    assertFalse(after.containsKey("username"));
    assertEquals("y", after.getJsonObject("name").getString("givenName"));
  }

  @Test
  void aNullValueUnassigns() {
    JsonObject after =
        apply(user(), op("replace", null, "{'displayName': null, 'nickName': null}"));
    assertFalse(after.containsKey("displayName"));
    assertFalse(after.containsKey("nickName"));
  }

  @Test
  void passwordIsWritable() {
    JsonObject after = apply(user(), opString("replace", "password", "t1meMa$heen"));
    assertEquals("t1meMa$heen", after.getString("password"));
  }
}
