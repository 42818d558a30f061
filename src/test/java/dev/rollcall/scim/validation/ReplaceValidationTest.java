package dev.rollcall.scim.validation;

import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.USER;
import static dev.rollcall.scim.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.ScimType;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PUT: immutable values are compared with the current resource. */
class ReplaceValidationTest {

  static final String ACME = "urn:example:params:scim:schemas:extension:acme:2.0:User";

  /** An extension with an immutable attribute and a complex one with an immutable sub-attribute. */
  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withExtensions(
          List.of(
              new SchemaDefinition(
                  ACME,
                  "AcmeUser",
                  "Acme's additions",
                  List.of(
                      AttributeDefinition.builder("employeeId", AttributeType.STRING)
                          .immutable()
                          .caseExact()
                          .build(),
                      AttributeDefinition.builder("badge", AttributeType.COMPLEX)
                          .subAttributes(
                              AttributeDefinition.builder("serial", AttributeType.STRING)
                                  .immutable()
                                  .build(),
                              AttributeDefinition.builder("color", AttributeType.STRING).build())
                          .build()))));

  private static final JsonObject CURRENT_USER =
      object(
          "{'schemas': ['"
              + USER
              + "', '"
              + ACME
              + "'], 'id': 'u1', 'userName': 'bjensen', 'active': true,"
              + " '"
              + ACME
              + "': {'employeeId': 'E-1', 'badge': {'serial': 'S-9', 'color': 'red'}},"
              + " 'meta': {'resourceType': 'User', 'created': '2024-01-01T00:00:00Z'}}");

  private static JsonObject replaceUser(String singleQuoted) {
    return ResourceValidator.validateForReplace(
        object(singleQuoted), CURRENT_USER, REGISTRY, ResourceKind.USER);
  }

  private static ScimValidationException replaceUserError(String singleQuoted) {
    return assertThrows(ScimValidationException.class, () -> replaceUser(singleQuoted));
  }

  @Test
  void theSameImmutableValueIsAccepted() {
    JsonObject cleaned =
        replaceUser(
            "{'userName': 'bjensen', '"
                + ACME
                + "': {'employeeId': 'E-1', 'badge': {'serial': 'S-9', 'color': 'blue'}}}");
    assertEquals(
        object("{'employeeId': 'E-1', 'badge': {'serial': 'S-9', 'color': 'blue'}}"),
        cleaned.getJsonObject(ACME));
  }

  @Test
  void aDifferentImmutableValueIsMutability() {
    ScimValidationException e =
        replaceUserError("{'userName': 'bjensen', '" + ACME + ":employeeId': 'E-2'}");
    assertEquals(ScimType.MUTABILITY, e.type());
    assertEquals(ACME + ":employeeId", e.attribute());
    assertEquals(
        ACME + ":employeeId is immutable and already has a value; it cannot be changed",
        e.getMessage());
    // caseExact: a change of case is a change
    assertEquals(
        ScimType.MUTABILITY,
        replaceUserError("{'userName': 'bjensen', '" + ACME + ":employeeId': 'e-1'}").type());
  }

  @Test
  void aDifferentImmutableSubAttributeIsMutability() {
    ScimValidationException e =
        replaceUserError("{'userName': 'bjensen', '" + ACME + "': {'badge': {'serial': 'S-10'}}}");
    assertEquals(ScimType.MUTABILITY, e.type());
    assertEquals(ACME + ":badge.serial", e.attribute());
  }

  @Test
  void immutableValuesLeftOutAreKept() {
    JsonObject cleaned =
        replaceUser("{'userName': 'bjensen', '" + ACME + "': {'badge': {'color': 'green'}}}");
    assertEquals(
        object("{'employeeId': 'E-1', 'badge': {'serial': 'S-9', 'color': 'green'}}"),
        cleaned.getJsonObject(ACME));
    JsonObject bare = replaceUser("{'userName': 'bjensen'}");
    assertEquals(object("{'employeeId': 'E-1'}"), bare.getJsonObject(ACME));
    assertEquals(
        List.of(USER, ACME),
        bare.getJsonArray("schemas").getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void immutableValuesMayBeSetWhenTheCurrentResourceHasNone() {
    JsonObject cleaned =
        ResourceValidator.validateForReplace(
            object("{'userName': 'bjensen', '" + ACME + ":employeeId': 'E-7'}"),
            object("{'id': 'u1', 'userName': 'bjensen'}"),
            REGISTRY,
            ResourceKind.USER);
    assertEquals("E-7", cleaned.getJsonObject(ACME).getString("employeeId"));
  }

  @Test
  void readOnlyValuesAreDroppedNotCompared() {
    JsonObject cleaned =
        replaceUser(
            "{'id': 'another', 'userName': 'bjensen', 'meta': {'created': '2030-01-01T00:00:00Z'}}");
    assertEquals(
        object(
            "{'schemas': ['"
                + USER
                + "', '"
                + ACME
                + "'], 'userName': 'bjensen',"
                + " '"
                + ACME
                + "': {'employeeId': 'E-1'}}"),
        cleaned);
  }

  @Test
  void groupMembersArePairedByValueAndMayBeAddedOrRemoved() {
    JsonObject current =
        object(
            "{'schemas': ['"
                + GROUP
                + "'], 'id': 'g1', 'displayName': 'Eng',"
                + " 'members': [{'value': 'u1', 'type': 'User', 'display': 'Ann'},"
                + "             {'value': 'u2', 'type': 'User'}]}");
    JsonObject cleaned =
        ResourceValidator.validateForReplace(
            object("{'displayName': 'Eng', 'members': [{'value': 'u1'}, {'value': 'u3'}]}"),
            current,
            SchemaRegistry.builtIn(),
            ResourceKind.GROUP);
    assertEquals(
        object("{'a': [{'value': 'u1', 'type': 'User'}, {'value': 'u3'}]}").getJsonArray("a"),
        cleaned.getJsonArray("members"),
        "u1 keeps its immutable type, u2 is removed, u3 is added");

    ScimValidationException e =
        assertThrows(
            ScimValidationException.class,
            () ->
                ResourceValidator.validateForReplace(
                    object("{'displayName': 'Eng', 'members': [{'value': 'u1', 'type': 'Group'}]}"),
                    current,
                    SchemaRegistry.builtIn(),
                    ResourceKind.GROUP));
    assertEquals(ScimType.MUTABILITY, e.type());
    assertEquals("members[0].type", e.attribute());
  }

  @Test
  void replaceChecksEverythingCreateChecks() {
    ScimValidationException e = replaceUserError("{'active': true}");
    assertEquals(ScimType.INVALID_VALUE, e.type());
    assertEquals("userName", e.attribute());
  }
}
