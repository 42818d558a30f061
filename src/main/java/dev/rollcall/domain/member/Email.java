package dev.rollcall.domain.member;

import java.util.Objects;

/** One of a member's email addresses, as SCIM {@code emails} carries them. */
public record Email(String value, String type, String display, boolean primary) {
  public Email {
    Objects.requireNonNull(value, "value");
  }
}
