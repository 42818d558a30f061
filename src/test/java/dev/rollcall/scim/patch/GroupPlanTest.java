package dev.rollcall.scim.patch;

import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.object;
import static dev.rollcall.scim.ScimJson.op;
import static dev.rollcall.scim.ScimJson.opString;
import static dev.rollcall.scim.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.patch.MemberInstruction.Add;
import dev.rollcall.scim.patch.MemberInstruction.Remove;
import dev.rollcall.scim.patch.MemberInstruction.RemoveAll;
import dev.rollcall.scim.patch.MemberInstruction.ReplaceAll;
import dev.rollcall.scim.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupPlanTest {

  private final PatchEngine engine = new PatchEngine(SchemaRegistry.builtIn());

  private static JsonObject groupWithoutMembers() {
    return object(
        "{'schemas': ['"
            + GROUP
            + "'], 'id': 'g1', 'displayName': 'Engineering',"
            + " 'externalId': 'okta-1'}");
  }

  @Test
  void addWithAValueArrayBecomesAdd() {
    GroupPatch plan =
        engine.plan(
            patch(op("add", "members", "[{'value': 'u1', 'display': 'a@x'}, {'value': 'u2'}]")));
    assertEquals(List.of(new Add(List.of("u1", "u2"))), plan.memberInstructions());
    assertFalse(plan.hasOtherOperations());
  }

  @Test
  void removeByFilterBecomesRemove() {
    assertEquals(
        List.of(new Remove(List.of("u1"))),
        engine.plan(patch(op("remove", "members[value eq \"u1\"]"))).memberInstructions());
    assertEquals(
        List.of(new Remove(List.of("u1", "u2"))),
        engine
            .plan(patch(op("remove", "members[value eq \"u1\" or value eq \"u2\"]")))
            .memberInstructions());
  }

  @Test
  void removeWithAValueArrayRemovesThoseAndRemoveWithoutOneRemovesAll() {
    assertEquals(
        List.of(new Remove(List.of("u1091"))),
        engine.plan(patch(op("Remove", "members", "[{'value': 'u1091'}]"))).memberInstructions());
    assertEquals(
        List.of(new RemoveAll()), engine.plan(patch(op("remove", "members"))).memberInstructions());
  }

  @Test
  void replaceBecomesReplaceAll() {
    assertEquals(
        List.of(new ReplaceAll(List.of("u7"))),
        engine.plan(patch(op("replace", "members", "[{'value': 'u7'}]"))).memberInstructions());
    assertEquals(
        List.of(new ReplaceAll(List.of())),
        engine.plan(patch(op("replace", "members", "[]"))).memberInstructions());
  }

  @Test
  void pathlessValuesAreSplitIntoMembersAndTheRest() {
    GroupPatch plan =
        engine.plan(
            patch(
                op(
                    "replace",
                    null,
                    "{'displayName': 'Platform', 'members': [{'value': 'u1'}],"
                        + " 'externalId': 'okta-2'}")));
    assertEquals(List.of(new ReplaceAll(List.of("u1"))), plan.memberInstructions());
    assertEquals(1, plan.otherOperations().size());
    PatchOperation rest = plan.otherOperations().get(0);
    assertEquals(0, rest.index());
    assertFalse(rest.hasPath());
    assertEquals(object("{'displayName': 'Platform', 'externalId': 'okta-2'}"), rest.value());

    JsonObject renamed = engine.apply(groupWithoutMembers(), plan);
    assertEquals("Platform", renamed.getString("displayName"));
    assertEquals("okta-2", renamed.getString("externalId"));
    assertFalse(renamed.containsKey("members"));
  }

  @Test
  void oktasRenameTouchesNoMembers() {
    GroupPatch plan =
        engine.plan(patch(op("replace", null, "{'id': 'g1', 'displayName': 'Renamed'}")));
    assertFalse(plan.changesMembers());
    assertTrue(plan.membershipChanges().isEmpty());
    JsonObject renamed = engine.apply(groupWithoutMembers(), plan);
    assertEquals("Renamed", renamed.getString("displayName"));
    assertEquals("g1", renamed.getString("id"));
  }

  @Test
  void severalMembershipOperationsKeepTheirOrderAndFoldIntoANetChange() {
    GroupPatch plan =
        engine.plan(
            patch(
                op("Add", "members", "[{'value': 'a'}, {'value': 'b'}]"),
                op("Remove", "members", "[{'value': 'a'}, {'value': 'x'}]"),
                opString("Replace", "displayName", "Platform"),
                op("add", "members", "{'value': 'c'}"),
                op("remove", "members[value eq \"b\"]"),
                op("add", "members", "[{'value': 'b'}]")));
    assertEquals(
        List.of(
            new Add(List.of("a", "b")),
            new Remove(List.of("a", "x")),
            new Add(List.of("c")),
            new Remove(List.of("b")),
            new Add(List.of("b"))),
        plan.memberInstructions());
    MembershipChanges net = plan.membershipChanges();
    assertFalse(net.replaceAll());
    assertEquals(Set.of("b", "c"), net.added());
    assertEquals(Set.of("a", "x"), net.removed());
    assertEquals(1, plan.otherOperations().size());
    assertEquals(2, plan.otherOperations().get(0).index());
  }

  @Test
  void aReplaceAllResetsTheNetChange() {
    MembershipChanges net =
        engine
            .plan(
                patch(
                    op("add", "members", "[{'value': 'a'}]"),
                    op("remove", "members"),
                    op("add", "members", "[{'value': 'b'}]"),
                    op("remove", "members[value eq \"zzz\"]")))
            .membershipChanges();
    assertTrue(net.replaceAll());
    assertEquals(Set.of("b"), net.added());
    assertEquals(Set.of(), net.removed());
  }

  @Test
  void readOnlyMemberSubAttributesAreIgnoredAndImmutableOnesRefused() {
    GroupPatch plan =
        engine.plan(patch(opString("replace", "members[value eq \"u1\"].display", "x")));
    assertFalse(plan.changesMembers());
    assertFalse(plan.hasOtherOperations());
    ScimPatchException e =
        assertThrows(
            ScimPatchException.class,
            () -> engine.plan(patch(opString("replace", "members[value eq \"u1\"].value", "u2"))));
    assertEquals("mutability", e.scimType());
    ScimPatchException replaced =
        assertThrows(
            ScimPatchException.class,
            () -> engine.plan(patch(op("replace", "members[value eq \"u1\"]", "{'value': 'u2'}"))));
    assertEquals("mutability", replaced.scimType());
  }

  @Test
  void membersCanOnlyBeSelectedById() {
    ScimPatchException e =
        assertThrows(
            ScimPatchException.class,
            () -> engine.plan(patch(op("remove", "members[type eq \"Group\"]"))));
    assertEquals("invalidFilter", e.scimType());
    assertTrue(e.getMessage().contains("members[value eq \"id\"]"), e.getMessage());
  }

  @Test
  void badMemberValuesAndPathsAreRefusedWhilePlanning() {
    assertEquals(
        "invalidValue",
        assertThrows(
                ScimPatchException.class,
                () -> engine.plan(patch(op("add", "members", "[{'display': 'no id'}]"))))
            .scimType());
    assertEquals(
        "invalidPath",
        assertThrows(
                ScimPatchException.class,
                () -> engine.plan(patch(opString("replace", "nickName", "x"))))
            .scimType());
    assertEquals(
        "noTarget",
        assertThrows(ScimPatchException.class, () -> engine.plan(patch(op("remove", null))))
            .scimType());
  }

  @Test
  void otherOperationsStillObeyTheSchema() {
    GroupPatch plan = engine.plan(patch(op("remove", "displayName")));
    ScimPatchException e =
        assertThrows(ScimPatchException.class, () -> engine.apply(groupWithoutMembers(), plan));
    assertEquals("mutability", e.scimType());
  }
}
