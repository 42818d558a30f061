package dev.rollcall.scim.schema;

/**
 * Caps on how much one resource or request may hold (README "Limits"), generous for what Okta and
 * Entra ID send: past them a request is 400 {@code invalidValue} naming the attribute and the cap.
 */
public final class Caps {
  /** Values of one multi-valued attribute of a user (emails, phoneNumbers, addresses…). */
  public static final int VALUES = 100;

  /**
   * A group's members in one POST or PUT, and member values in one PATCH: Okta pushes a group's
   * whole membership with PUT, Entra ID sends member changes in batches of a few hundred.
   */
  public static final int MEMBERS = 10_000;

  /** A user as stored: its cleaned representation, in UTF-8 bytes. */
  public static final int USER_BYTES = 65_536;

  private Caps() {}

  /** The most values {@code attribute} may have. */
  public static int values(AttributeDefinition attribute) {
    return attribute.nameMatches("members") ? MEMBERS : VALUES;
  }

  /** The UTF-8 length of {@code text}. */
  public static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
