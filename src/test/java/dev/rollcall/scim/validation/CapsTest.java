package dev.rollcall.scim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.ScimJson;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.patch.ScimPatchException;
import dev.rollcall.scim.schema.Caps;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The caps on multi-valued attributes, group members per request and a user's stored size. */
class CapsTest {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.builtIn();

  private static JsonObject userWith(String attribute, int count, IntFunction<Object> value) {
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (int i = 0; i < count; i++) {
      Object v = value.apply(i);
      if (v instanceof JsonObject object) {
        values.add(object);
      } else {
        values.add(v.toString());
      }
    }
    return Json.createObjectBuilder()
        .add("schemas", Json.createArrayBuilder().add(ScimJson.USER))
        .add("userName", "capped@example.com")
        .add(attribute, values)
        .build();
  }

  private static JsonObject valued(String key, String value) {
    return Json.createObjectBuilder().add(key, value).build();
  }

  @Test
  void everyMultiValuedUserAttributeTakesAtMostTheCap() {
    for (String attribute :
        new String[] {
          "emails", "phoneNumbers", "ims", "photos", "entitlements", "roles", "x509Certificates"
        }) {
      IntFunction<Object> value =
          i ->
              valued(
                  "value",
                  attribute.equals("x509Certificates")
                      ? "TUlJQ" + i
                      : attribute.equals("photos") ? "https://p.example/" + i : "v" + i + "@x.io");
      ResourceValidator.validateForCreate(
          userWith(attribute, Caps.VALUES, value), REGISTRY, ResourceKind.USER);
      ScimValidationException e =
          assertThrows(
              ScimValidationException.class,
              () ->
                  ResourceValidator.validateForCreate(
                      userWith(attribute, Caps.VALUES + 1, value), REGISTRY, ResourceKind.USER),
              attribute);
      assertEquals("invalidValue", e.scimType());
      assertEquals(attribute, e.attribute());
      assertTrue(e.getMessage().contains("at most " + Caps.VALUES), e.getMessage());
    }
    JsonObject addresses = userWith("addresses", Caps.VALUES + 1, i -> valued("locality", "c" + i));
    assertThrows(
        ScimValidationException.class,
        () -> ResourceValidator.validateForCreate(addresses, REGISTRY, ResourceKind.USER));
  }

  @Test
  void theCapHoldsOnReplaceToo() {
    JsonObject body = userWith("emails", Caps.VALUES + 1, i -> valued("value", i + "@x.io"));
    JsonObject current =
        Json.createObjectBuilder()
            .add("schemas", Json.createArrayBuilder().add(ScimJson.USER))
            .add("userName", "capped@example.com")
            .build();
    assertThrows(
        ScimValidationException.class,
        () -> ResourceValidator.validateForReplace(body, current, REGISTRY, ResourceKind.USER));
  }

  @Test
  void groupsTakeTenThousandMembersPerRequest() {
    JsonArrayBuilder members = Json.createArrayBuilder();
    for (int i = 0; i < Caps.MEMBERS; i++) {
      members.add(valued("value", "u" + i));
    }
    JsonObject group =
        Json.createObjectBuilder()
            .add("schemas", Json.createArrayBuilder().add(ScimJson.GROUP))
            .add("displayName", "Everyone")
            .add("members", members)
            .build();
    ResourceValidator.validateForCreate(group, REGISTRY, ResourceKind.GROUP);
    JsonObject over =
        Json.createObjectBuilder(group)
            .add(
                "members",
                Json.createArrayBuilder(group.getJsonArray("members"))
                    .add(valued("value", "one-more")))
            .build();
    ScimValidationException e =
        assertThrows(
            ScimValidationException.class,
            () -> ResourceValidator.validateForCreate(over, REGISTRY, ResourceKind.GROUP));
    assertEquals("members", e.attribute());
    assertTrue(e.getMessage().contains("at most " + Caps.MEMBERS), e.getMessage());
  }

  @Test
  void aGroupPatchNamesAtMostTheCapOfMemberValues() {
    PatchEngine engine = new PatchEngine(REGISTRY);
    JsonArrayBuilder half = Json.createArrayBuilder();
    for (int i = 0; i < Caps.MEMBERS / 2; i++) {
      half.add(valued("value", "u" + i));
    }
    JsonObject operation =
        Json.createObjectBuilder()
            .add("op", "add")
            .add("path", "members")
            .add("value", half)
            .build();
    JsonObject fits =
        Json.createObjectBuilder()
            .add("schemas", Json.createArrayBuilder().add(ScimJson.PATCH_OP))
            .add("Operations", Json.createArrayBuilder().add(operation).add(operation))
            .build();
    engine.plan(fits);
    JsonObject over =
        Json.createObjectBuilder(fits)
            .add(
                "Operations",
                Json.createArrayBuilder()
                    .add(operation)
                    .add(operation)
                    .add(
                        Json.createObjectBuilder()
                            .add("op", "remove")
                            .add("path", "members[value eq \"extra\"]")))
            .build();
    ScimPatchException e = assertThrows(ScimPatchException.class, () -> engine.plan(over));
    assertEquals("invalidValue", e.scimType());
    assertTrue(e.getMessage().contains("at most " + Caps.MEMBERS), e.getMessage());
  }

  @Test
  void aUserIsStoredInAtMostTheCapOfBytes() {
    String big = "x".repeat(Caps.USER_BYTES / 90);
    JsonObject huge = userWith("addresses", 100, i -> valued("streetAddress", big));
    ScimValidationException e =
        assertThrows(
            ScimValidationException.class,
            () -> ResourceValidator.validateForCreate(huge, REGISTRY, ResourceKind.USER));
    assertEquals("invalidValue", e.scimType());
    assertTrue(e.getMessage().contains("at most " + Caps.USER_BYTES), e.getMessage());
    JsonObject fits =
        userWith(
            "addresses", 100, i -> valued("streetAddress", big.substring(0, big.length() / 2)));
    ResourceValidator.validateForCreate(fits, REGISTRY, ResourceKind.USER);
  }

  @Test
  void utf8LengthCountsBytes() {
    assertEquals(1, Caps.utf8Length("a"));
    assertEquals(2, Caps.utf8Length("é"));
    assertEquals(3, Caps.utf8Length("€"));
    assertEquals(4, Caps.utf8Length("😀"));
    assertEquals(
        "aé€😀".getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Caps.utf8Length("aé€😀"));
  }
}
