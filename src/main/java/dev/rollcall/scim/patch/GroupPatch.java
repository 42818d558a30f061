package dev.rollcall.scim.patch;

import java.util.List;

/**
 * A PATCH request for a group, split by {@link PatchEngine#plan}: the changes to its members as
 * explicit instructions, and the other operations, which {@link
 * PatchEngine#apply(jakarta.json.JsonObject, GroupPatch)} applies to the group represented without
 * members. Apply the other operations first (they may still fail), then the membership changes, in
 * one transaction.
 *
 * @param memberInstructions the membership changes, in request order
 * @param otherOperations the operations on other attributes, in request order; a path-less
 *     operation whose value also set {@code members} keeps its other attributes
 */
public record GroupPatch(
    List<MemberInstruction> memberInstructions, List<PatchOperation> otherOperations) {

  public GroupPatch {
    memberInstructions = List.copyOf(memberInstructions);
    otherOperations = List.copyOf(otherOperations);
  }

  /** The net effect of {@link #memberInstructions()}. */
  public MembershipChanges membershipChanges() {
    return MembershipChanges.of(memberInstructions);
  }

  public boolean changesMembers() {
    return !memberInstructions.isEmpty();
  }

  public boolean hasOtherOperations() {
    return !otherOperations.isEmpty();
  }
}
