package dev.rollcall.scim.patch;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The net effect of a sequence of {@link MemberInstruction}s: the members afterwards are {@code
 * added} when {@code replaceAll}, else the current members minus {@code removed} plus {@code
 * added}. {@code added} and {@code removed} never share an id, and {@code removed} is empty when
 * {@code replaceAll}.
 */
public record MembershipChanges(boolean replaceAll, Set<String> added, Set<String> removed) {

  public MembershipChanges {
    added = Collections.unmodifiableSet(new LinkedHashSet<>(added));
    removed = Collections.unmodifiableSet(new LinkedHashSet<>(removed));
  }

  /** Folds instructions, in order, into their net effect. */
  public static MembershipChanges of(List<MemberInstruction> instructions) {
    boolean replaceAll = false;
    Set<String> added = new LinkedHashSet<>();
    Set<String> removed = new LinkedHashSet<>();
    for (MemberInstruction instruction : instructions) {
      if (instruction instanceof MemberInstruction.Add add) {
        removed.removeAll(add.ids());
        added.addAll(add.ids());
      } else if (instruction instanceof MemberInstruction.Remove remove) {
        added.removeAll(remove.ids());
        if (!replaceAll) {
          removed.addAll(remove.ids());
        }
      } else if (instruction instanceof MemberInstruction.RemoveAll) {
        replaceAll = true;
        added.clear();
        removed.clear();
      } else if (instruction instanceof MemberInstruction.ReplaceAll replace) {
        replaceAll = true;
        added.clear();
        removed.clear();
        added.addAll(replace.ids());
      }
    }
    return new MembershipChanges(replaceAll, added, removed);
  }

  /** Whether the members stay as they are. */
  public boolean isEmpty() {
    return !replaceAll && added.isEmpty() && removed.isEmpty();
  }
}
