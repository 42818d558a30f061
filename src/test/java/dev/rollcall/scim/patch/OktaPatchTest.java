package dev.rollcall.scim.patch;

import static dev.rollcall.scim.ScimJson.op;
import static dev.rollcall.scim.ScimJson.patch;
import static dev.rollcall.scim.patch.Fixtures.group;
import static dev.rollcall.scim.patch.Fixtures.user;
import static dev.rollcall.scim.patch.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PATCH requests Okta sends (its SCIM 2.0 provisioning guide's shapes). */
class OktaPatchTest {

  private final PatchEngine engine = new PatchEngine(SchemaRegistry.builtIn());

  @Test
  void deactivatesAUserWithAPathlessReplace() {
    JsonObject before = user();
    JsonObject after =
        engine.apply(before, patch(op("replace", null, "{'active': false}")), ResourceKind.USER);
    assertEquals(JsonValue.FALSE, after.get("active"));
    assertEquals(
        Json.createObjectBuilder(before).remove("active").build(),
        Json.createObjectBuilder(after).remove("active").build());
    assertEquals(JsonValue.TRUE, before.get("active"), "the input is left alone");
  }

  @Test
  void reactivatesAUser() {
    JsonObject inactive =
        engine.apply(user(), patch(op("replace", null, "{'active': false}")), ResourceKind.USER);
    JsonObject active =
        engine.apply(inactive, patch(op("replace", null, "{'active': true}")), ResourceKind.USER);
    assertEquals(JsonValue.TRUE, active.get("active"));
  }

  @Test
  void renamesAGroupAndIgnoresTheIdItSendsAlong() {
    JsonObject after =
        engine.apply(
            group(),
            patch(op("replace", null, "{'id': 'some-other-id', 'displayName': 'Platform'}")),
            ResourceKind.GROUP);
    assertEquals("Platform", after.getString("displayName"));
    assertEquals("g1", after.getString("id"));
    assertEquals(List.of("u1", "u2", "u3"), values(after, "members"));
  }

  @Test
  void addsMembersFromAValueArray() {
    JsonObject after =
        engine.apply(
            group(),
            patch(
                op(
                    "add",
                    "members",
                    "[{'value': 'u4', 'display': 'dana@example.com'},"
                        + " {'value': 'u1', 'display': 'ann@example.com'}]")),
            ResourceKind.GROUP);
    assertEquals(List.of("u1", "u2", "u3", "u4"), values(after, "members"));
    // display is read-only: what Okta sends is ignored, the stored one stays
    assertEquals("Ann", Fixtures.element(after, "members", "u1").getString("display"));
    assertFalse(Fixtures.element(after, "members", "u4").containsKey("display"));
  }

  @Test
  void removesOneMemberByFilter() {
    JsonObject after =
        engine.apply(group(), patch(op("remove", "members[value eq \"u2\"]")), ResourceKind.GROUP);
    assertEquals(List.of("u1", "u3"), values(after, "members"));
  }

  @Test
  void replacesProfileAttributesWithoutAPath() {
    JsonObject after =
        engine.apply(
            user(),
            patch(
                op(
                    "replace",
                    null,
                    "{'name': {'familyName': 'Jensen-Smith'}, 'displayName': 'Babs J-S',"
                        + " 'emails': [{'value': 'babs@example.com', 'type': 'work',"
                        + " 'primary': true}]}")),
            ResourceKind.USER);
    // replacing a complex attribute keeps the sub-attributes not given (RFC 7644 §3.5.2.3)
    assertEquals("Barbara", after.getJsonObject("name").getString("givenName"));
    assertEquals("Jensen-Smith", after.getJsonObject("name").getString("familyName"));
    assertEquals("Babs J-S", after.getString("displayName"));
    // replacing a multi-valued attribute replaces all its values
    assertEquals(List.of("babs@example.com"), values(after, "emails"));
  }
}
