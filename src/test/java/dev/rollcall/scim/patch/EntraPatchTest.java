package dev.rollcall.scim.patch;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.op;
import static dev.rollcall.scim.ScimJson.opString;
import static dev.rollcall.scim.ScimJson.patch;
import static dev.rollcall.scim.patch.Fixtures.element;
import static dev.rollcall.scim.patch.Fixtures.group;
import static dev.rollcall.scim.patch.Fixtures.schemas;
import static dev.rollcall.scim.patch.Fixtures.user;
import static dev.rollcall.scim.patch.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PATCH requests Microsoft Entra ID sends, with and without its SCIM-compliance flag
 * (aadOptscim062020), from "Known issues and resolutions with SCIM 2.0 protocol compliance".
 */
class EntraPatchTest {

  private final PatchEngine engine = new PatchEngine(SchemaRegistry.builtIn());

  private JsonObject patchUser(JsonObject... operations) {
    return engine.apply(user(), patch(operations), ResourceKind.USER);
  }

  @ParameterizedTest
  @CsvSource({"False,false", "True,true", "false,false", "TRUE,true", "' false ',false"})
  void disablesUsersWithBooleansSentAsStrings(String sent, boolean expected) {
    JsonObject after = patchUser(opString("Replace", "active", sent));
    assertEquals(expected ? JsonValue.TRUE : JsonValue.FALSE, after.get("active"));
  }

  @Test
  void capitalisedOperationsWork() {
    JsonObject after =
        patchUser(
            opString("Add", "nickName", "Babs"),
            opString("Replace", "title", "CTO"),
            op("Remove", "displayName"));
    assertEquals("Babs", after.getString("nickName"));
    assertEquals("CTO", after.getString("title"));
    assertFalse(after.containsKey("displayName"));
  }

  @Test
  void replacesMultipleAttributesWithDottedAndUrnKeysWithoutAPath() {
    JsonObject after =
        patchUser(
            opString("replace", "emails[type eq \"work\"].value", "TestMhvaes@test.example"),
            op(
                "replace",
                null,
                "{'displayName': 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua',"
                    + " '"
                    + ENTERPRISE
                    + ":employeeNumber': 'Aklq', 'externalId': 'Eqpj'}"));
    assertEquals("Bjfe", after.getString("displayName"));
    assertEquals("Kkom", after.getJsonObject("name").getString("givenName"));
    assertEquals("Unua", after.getJsonObject("name").getString("familyName"));
    assertEquals("Eqpj", after.getString("externalId"));
    assertEquals("Aklq", after.getJsonObject(ENTERPRISE).getString("employeeNumber"));
    assertTrue(schemas(after).contains(ENTERPRISE), "the extension joins schemas");
    assertEquals(List.of("TestMhvaes@test.example", "babs@home.example"), values(after, "emails"));
    assertTrue(Fixtures.isTrue(element(after, "emails", "TestMhvaes@test.example"), "primary"));
  }

  @Test
  void replacesWithoutFlagOneAttributePerOperation() {
    JsonObject after =
        patchUser(
            opString("Replace", "displayName", "Pvlo"),
            opString("Replace", "name.givenName", "Gtfd"),
            opString("Replace", "externalId", "Eqpj"),
            opString("Replace", ENTERPRISE + ":employeeNumber", "Eqpj"),
            opString("Replace", ENTERPRISE + ":manager", "26118915-6090-4610-87a4-49d0e6a02ad0"));
    assertEquals("Pvlo", after.getString("displayName"));
    assertEquals("Gtfd", after.getJsonObject("name").getString("givenName"));
    assertEquals("Eqpj", after.getJsonObject(ENTERPRISE).getString("employeeNumber"));
    assertEquals(
        "26118915-6090-4610-87a4-49d0e6a02ad0",
        after.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"));
  }

  @Test
  void urnKeysMayCarrySubAttributesOrAWholeExtensionObject() {
    JsonObject after =
        patchUser(
            op(
                "add",
                null,
                "{'"
                    + ENTERPRISE
                    + ":manager.value': 'm1', '"
                    + ENTERPRISE
                    + "': {'department': 'Tour Operations', 'costCenter': '4130'}}"));
    JsonObject enterprise = after.getJsonObject(ENTERPRISE);
    assertEquals("m1", enterprise.getJsonObject("manager").getString("value"));
    assertEquals("Tour Operations", enterprise.getString("department"));
    assertEquals("4130", enterprise.getString("costCenter"));
    assertEquals(1, schemas(after).stream().filter(ENTERPRISE::equals).count());
  }

  @Test
  void createsTheWorkEmailWhenThereIsNone() {
    JsonObject withoutWork = patchUser(op("remove", "emails[type eq \"work\"]"));
    assertEquals(List.of("babs@home.example"), values(withoutWork, "emails"));

    for (String operation : List.of("Add", "Replace")) {
      JsonObject after =
          engine.apply(
              withoutWork,
              patch(opString(operation, "emails[type eq \"work\"].value", "new@example.com")),
              ResourceKind.USER);
      JsonObject work = element(after, "emails", "new@example.com");
      assertEquals("work", work.getString("type"), operation);
      assertEquals(List.of("babs@home.example", "new@example.com"), values(after, "emails"));
    }
  }

  @Test
  void updatesTheExistingWorkEmailInPlace() {
    JsonObject after =
        patchUser(opString("Replace", "emails[type eq \"work\"].value", "b.jensen@example.com"));
    assertEquals(List.of("b.jensen@example.com", "babs@home.example"), values(after, "emails"));
    assertEquals("work", element(after, "emails", "b.jensen@example.com").getString("type"));
  }

  @Test
  void createsAnAddressFromAFilterWithSeveralConditions() {
    JsonObject after =
        patchUser(
            opString(
                "Add", "addresses[type eq \"work\" and primary eq true].locality", "Hollywood"));
    JsonObject address = after.getJsonArray("addresses").getJsonObject(0);
    assertEquals("work", address.getString("type"));
    assertEquals(JsonValue.TRUE, address.get("primary"));
    assertEquals("Hollywood", address.getString("locality"));
  }

  @Test
  void removesExactlyTheMembersListedInTheValue() {
    JsonObject after =
        engine.apply(
            group(),
            patch(op("Remove", "members", "[{'value': 'u2'}, {'value': 'not-a-member'}]")),
            ResourceKind.GROUP);
    assertEquals(List.of("u1", "u3"), values(after, "members"));
  }

  @Test
  void anEmptyValueArrayRemovesNoMembers() {
    JsonObject after =
        engine.apply(group(), patch(op("Remove", "members", "[]")), ResourceKind.GROUP);
    assertEquals(List.of("u1", "u2", "u3"), values(after, "members"));
  }

  @Test
  void removesOneMemberByFilterWithTheComplianceFlag() {
    JsonObject after =
        engine.apply(group(), patch(op("remove", "members[value eq \"u3\"]")), ResourceKind.GROUP);
    assertEquals(List.of("u1", "u2"), values(after, "members"));
  }

  @Test
  void appliesSeveralMembershipOperationsInOrder() {
    JsonObject after =
        engine.apply(
            group(),
            patch(
                op("Add", "members", "[{'value': 'u4'}, {'value': 'u5'}]"),
                op("Remove", "members", "[{'value': 'u1'}]"),
                op("remove", "members[value eq \"u4\"]"),
                op("Add", "members", "[{'value': 'u6'}]"),
                opString("Replace", "displayName", "Platform")),
            ResourceKind.GROUP);
    assertEquals(List.of("u2", "u3", "u5", "u6"), values(after, "members"));
    assertEquals("Platform", after.getString("displayName"));
  }

  @Test
  void grantsOrgadminFromAStringBoolean() {
    JsonObject after = patchUser(opString("Add", "orgadmin", "True"));
    assertEquals(JsonValue.TRUE, after.get("orgadmin"));
    JsonObject revoked =
        engine.apply(after, patch(op("replace", null, "{'orgadmin': 'False'}")), ResourceKind.USER);
    assertEquals(JsonValue.FALSE, revoked.get("orgadmin"));
  }
}
