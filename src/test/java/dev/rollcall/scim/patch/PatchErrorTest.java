package dev.rollcall.scim.patch;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.PATCH_OP;
import static dev.rollcall.scim.ScimJson.object;
import static dev.rollcall.scim.ScimJson.op;
import static dev.rollcall.scim.ScimJson.opString;
import static dev.rollcall.scim.ScimJson.patch;
import static dev.rollcall.scim.patch.Fixtures.group;
import static dev.rollcall.scim.patch.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.ScimType;
import jakarta.json.JsonObject;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Every scimType a PATCH can fail with, and what the messages say. */
class PatchErrorTest {

  private final PatchEngine engine = new PatchEngine(SchemaRegistry.builtIn());

  private ScimPatchException userError(JsonObject body) {
    return assertThrows(
        ScimPatchException.class, () -> engine.apply(user(), body, ResourceKind.USER));
  }

  private ScimPatchException groupError(JsonObject body) {
    return assertThrows(
        ScimPatchException.class, () -> engine.apply(group(), body, ResourceKind.GROUP));
  }

  private static void assertError(
      ScimPatchException e, ScimType type, String scimType, String... messageParts) {
    assertEquals(type, e.type(), e.getMessage());
    assertEquals(scimType, e.scimType());
    for (String part : messageParts) {
      assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
    }
  }

  // ---- invalidSyntax ----

  @Test
  void aBodyWithoutThePatchOpSchemaIsInvalidSyntax() {
    ScimPatchException e =
        userError(object("{'Operations': [{'op': 'replace', 'value': {'active': false}}]}"));
    assertError(e, ScimType.INVALID_SYNTAX, "invalidSyntax", PATCH_OP);
    assertEquals(OptionalInt.empty(), e.operationIndex());
  }

  @Test
  void missingOrEmptyOperationsAreInvalidSyntax() {
    assertError(
        userError(object("{'schemas': ['" + PATCH_OP + "']}")),
        ScimType.INVALID_SYNTAX,
        "invalidSyntax",
        "Operations");
    assertError(
        userError(object("{'schemas': ['" + PATCH_OP + "'], 'Operations': []}")),
        ScimType.INVALID_SYNTAX,
        "invalidSyntax",
        "empty");
    assertError(
        userError(object("{'schemas': ['" + PATCH_OP + "'], 'Operations': ['add']}")),
        ScimType.INVALID_SYNTAX,
        "invalidSyntax",
        "Operations[0]");
  }

  @Test
  void anUnknownOpIsInvalidSyntax() {
    ScimPatchException e =
        userError(patch(opString("replace", "title", "CTO"), opString("move", "title", "x")));
    assertError(e, ScimType.INVALID_SYNTAX, "invalidSyntax", "Operations[1]", "\"move\"");
    assertEquals(OptionalInt.of(1), e.operationIndex());
  }

  @Test
  void anOperationWithoutOpOrValueIsInvalidSyntax() {
    assertError(
        userError(object("{'schemas': ['" + PATCH_OP + "'], 'Operations': [{'path': 'title'}]}")),
        ScimType.INVALID_SYNTAX,
        "invalidSyntax",
        "'op'");
    assertError(
        userError(patch(op("add", "title"))),
        ScimType.INVALID_SYNTAX,
        "invalidSyntax",
        "Operations[0] (add title)",
        "'value'");
    assertError(
        userError(
            object(
                "{'schemas': ['"
                    + PATCH_OP
                    + "'], 'Operations': [{'op': 'add', 'path': 7, 'value': 'x'}]}")),
        ScimType.INVALID_SYNTAX,
        "invalidSyntax",
        "'path'");
  }

  // ---- invalidPath ----

  @Test
  void anUnknownAttributeIsInvalidPath() {
    assertError(
        userError(patch(opString("replace", "nickname2", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "Operations[0] (replace nickname2)",
        "no attribute 'nickname2'");
    assertError(
        userError(patch(op("replace", null, "{'displayName': 'x', 'shoeSize': 44}"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "shoeSize");
    assertError(
        groupError(patch(opString("replace", "userName", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "Group resource has no attribute 'userName'");
  }

  @Test
  void anUnknownSubAttributeOrSchemaIsInvalidPath() {
    assertError(
        userError(patch(opString("replace", "name.nickName", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "'name' has no sub-attribute 'nickName'");
    assertError(
        userError(patch(opString("replace", "userName.value", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "'userName' is not complex");
    assertError(
        userError(patch(opString("replace", "emails[type eq \"work\"].country", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "'emails' has no sub-attribute 'country'");
    assertError(
        userError(
            patch(
                opString(
                    "add", "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "urn:ietf:params:scim:schemas:extension:acme:2.0:User is not one of");
    assertError(
        userError(patch(op("add", "emails", "[{'value': 'a@b.c', 'kind': 'work'}]"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "'emails' has no sub-attribute 'kind'");
  }

  @Test
  void malformedPathsAndFiltersOnSingleValuedAttributesAreInvalidPath() {
    assertError(
        userError(patch(opString("replace", "name..givenName", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "Invalid path at position");
    assertError(
        userError(patch(opString("replace", "name[givenName eq \"B\"].familyName", "x"))),
        ScimType.INVALID_PATH,
        "invalidPath",
        "'name' is single-valued");
  }

  // ---- invalidFilter ----

  @Test
  void aMalformedFilterInAPathIsInvalidFilter() {
    assertError(
        userError(patch(op("remove", "emails[type eq]"))),
        ScimType.INVALID_FILTER,
        "invalidFilter",
        "Invalid filter at position");
  }

  @Test
  void aFilterOnAnUnknownSubAttributeIsInvalidFilter() {
    assertError(
        userError(patch(op("remove", "emails[kind eq \"work\"]"))),
        ScimType.INVALID_FILTER,
        "invalidFilter",
        "'emails' has no sub-attribute 'kind' to filter on");
  }

  @Test
  void aComparisonThatDoesNotSuitTheTypeIsInvalidFilter() {
    assertError(
        userError(patch(op("remove", "emails[primary eq \"yes\"]"))),
        ScimType.INVALID_FILTER,
        "invalidFilter",
        "'primary' is a boolean");
    assertError(
        userError(patch(op("remove", "emails[value eq 42]"))),
        ScimType.INVALID_FILTER,
        "invalidFilter",
        "'value' is a string");
  }

  // ---- noTarget ----

  @Test
  void removeWithoutAPathIsNoTarget() {
    assertError(
        userError(patch(op("remove", null, "{'displayName': 'Babs'}"))),
        ScimType.NO_TARGET,
        "noTarget",
        "Operations[0] (remove without path)",
        "needs a 'path'");
  }

  @Test
  void replaceThroughAFilterThatMatchesNothingIsNoTarget() {
    assertError(
        userError(patch(op("replace", "emails[type eq \"other\"]", "{'value': 'x@y.z'}"))),
        ScimType.NO_TARGET,
        "noTarget",
        "no value of 'emails' matches [type eq \"other\"]");
  }

  @Test
  void aFilterThatCannotDescribeANewValueIsNoTarget() {
    assertError(
        userError(patch(opString("replace", "emails[value co \"@nowhere\"].type", "work"))),
        ScimType.NO_TARGET,
        "noTarget");
    assertError(
        userError(patch(opString("add", "phoneNumbers.type", "work"))),
        ScimType.NO_TARGET,
        "noTarget",
        "'phoneNumbers' has no values");
  }

  // ---- invalidValue ----

  @Test
  void aStringThatIsNotABooleanIsInvalidValue() {
    assertError(
        userError(patch(opString("Replace", "active", "maybe"))),
        ScimType.INVALID_VALUE,
        "invalidValue",
        "'active' must be a boolean",
        "\"maybe\"");
  }

  @Test
  void valuesOfTheWrongShapeAreInvalidValue() {
    assertError(
        userError(patch(op("replace", "userName", "42"))),
        ScimType.INVALID_VALUE,
        "invalidValue",
        "'userName' must be a string");
    assertError(
        userError(patch(op("replace", "displayName", "['a', 'b']"))),
        ScimType.INVALID_VALUE,
        "invalidValue",
        "'displayName' must be a string");
    assertError(
        userError(patch(op("replace", null, "'active'"))),
        ScimType.INVALID_VALUE,
        "invalidValue",
        "must be an object of attributes");
    assertError(
        userError(patch(op("replace", "name", "[{'givenName': 'x'}]"))),
        ScimType.INVALID_VALUE,
        "invalidValue",
        "'name' must be an object");
    assertError(
        userError(patch(op("add", ENTERPRISE, "'Sales'"))),
        ScimType.INVALID_VALUE,
        "invalidValue",
        ENTERPRISE);
  }

  @Test
  void twoPrimaryValuesAreInvalidValue() {
    assertError(
        userError(
            patch(
                op(
                    "add",
                    "emails",
                    "[{'value': 'a@example.com', 'primary': true},"
                        + " {'value': 'b@example.com', 'primary': true}]"))),
        ScimType.INVALID_VALUE,
        "invalidValue",
        "at most one value of 'emails' may have primary true");
  }

  // ---- mutability ----

  @Test
  void removingARequiredAttributeIsMutability() {
    assertError(
        userError(patch(op("remove", "userName"))),
        ScimType.MUTABILITY,
        "mutability",
        "'userName' is required");
    assertError(
        userError(patch(op("replace", null, "{'userName': null}"))),
        ScimType.MUTABILITY,
        "mutability",
        "'userName' is required");
    assertError(
        groupError(patch(op("Remove", "displayName"))),
        ScimType.MUTABILITY,
        "mutability",
        "'displayName' is required");
  }

  @Test
  void removingAReadOnlyAttributeIsMutability() {
    assertError(
        userError(patch(op("remove", "id"))),
        ScimType.MUTABILITY,
        "mutability",
        "'id' is read-only");
    assertError(
        userError(patch(op("remove", "groups"))),
        ScimType.MUTABILITY,
        "mutability",
        "'groups' is read-only");
  }

  @Test
  void changingAnImmutableValueIsMutability() {
    assertError(
        groupError(patch(opString("replace", "members[value eq \"u1\"].value", "u9"))),
        ScimType.MUTABILITY,
        "mutability",
        "'members.value' is immutable");
    assertError(
        groupError(patch(op("remove", "members[value eq \"u1\"].value"))),
        ScimType.MUTABILITY,
        "mutability",
        "'members.value' is immutable");
    assertError(
        groupError(patch(op("replace", "members[value eq \"u1\"]", "{'value': 'u9'}"))),
        ScimType.MUTABILITY,
        "mutability",
        "'members.value' is immutable");
  }

  @Test
  void theFailingOperationIsNamedAndNothingIsApplied() {
    JsonObject before = user();
    ScimPatchException e =
        assertThrows(
            ScimPatchException.class,
            () ->
                engine.apply(
                    before,
                    patch(opString("replace", "displayName", "Changed"), op("remove", "userName")),
                    ResourceKind.USER));
    assertEquals(OptionalInt.of(1), e.operationIndex());
    assertEquals(
        "Operations[1] (remove userName): 'userName' is required and cannot be removed",
        e.getMessage());
    assertEquals("'userName' is required and cannot be removed", e.detail());
    assertEquals("Babs Jensen", before.getString("displayName"));
  }
}
