package dev.rollcall.scim.patch;

import java.util.Locale;
import java.util.Optional;

/** The operations of RFC 7644 §3.5.2. */
public enum PatchOp {
  ADD,
  REPLACE,
  REMOVE;

  /** The operation as the RFC spells it: {@code add}, {@code replace}, {@code remove}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks an operation up ignoring case: Microsoft Entra ID sends {@code Add}, {@code Replace} and
   * {@code Remove}.
   */
  public static Optional<PatchOp> fromKeyword(String keyword) {
    for (PatchOp op : values()) {
      if (op.name().equalsIgnoreCase(keyword)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
