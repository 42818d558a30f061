package dev.rollcall.domain.member;

import java.util.Objects;

/** One of a member's email addresses, as SCIM {@code emails} carries them. */
public record Email(String value, String type, String display, boolean primary) {
  public Email {
    Objects.requireNonNull(value, "value");
  }

  /** The one email of a member made outside SCIM: type work, primary. */
  public static Email work(String value) {
    return new Email(value, "work", null, true);
  }
}
