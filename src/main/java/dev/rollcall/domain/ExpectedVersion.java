package dev.rollcall.domain;

import java.util.OptionalLong;

/** The version a writer expects to change (from SCIM's If-Match); empty means "any version". */
public record ExpectedVersion(OptionalLong version) {
  private static final ExpectedVersion ANY = new ExpectedVersion(OptionalLong.empty());

  public static ExpectedVersion any() {
    return ANY;
  }

  public static ExpectedVersion of(long version) {
    return new ExpectedVersion(OptionalLong.of(version));
  }

  /** Throws unless the object's current version is the expected one. */
  public void check(String what, long current) {
    if (version.isPresent() && version.getAsLong() != current) {
      throw new PreconditionFailedException(
          what + " has changed: it is at version " + current + ", not " + version.getAsLong());
    }
  }
}
