package dev.rollcall.scim.patch;

import java.util.List;
import java.util.Objects;

/**
 * One change to a group's members that a PATCH request asks for, stated without the group's current
 * members: a service carries it out by touching only the member rows it names.
 */
public sealed interface MemberInstruction {

  /** Make these ids members; ones that already are stay as they are. */
  record Add(List<String> ids) implements MemberInstruction {
    public Add {
      ids = checked(ids);
    }
  }

  /** Make these ids no longer members; ids that are not members are ignored. */
  record Remove(List<String> ids) implements MemberInstruction {
    public Remove {
      ids = checked(ids);
    }
  }

  /** Remove every member. */
  record RemoveAll() implements MemberInstruction {}

  /** Make exactly these ids the members. */
  record ReplaceAll(List<String> ids) implements MemberInstruction {
    public ReplaceAll {
      ids = checked(ids);
    }
  }

  private static List<String> checked(List<String> ids) {
    List<String> copy = List.copyOf(ids);
    copy.forEach(id -> Objects.requireNonNull(id, "id"));
    return copy;
  }
}
