package dev.rollcall.scim.resource;

import dev.rollcall.domain.ExpectedVersion;
import java.util.Arrays;

/**
 * SCIM versioning (RFC 7644 §3.14): ETags are weak, {@code W/"<row version>"}. {@code If-Match}
 * names the version a write expects (412 otherwise); {@code If-None-Match} on a read answers 304
 * when the client's copy is current.
 */
final class Preconditions {
  private Preconditions() {}

  static ExpectedVersion ifMatch(String header) {
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return ExpectedVersion.any();
    }
    for (String tag : header.split(",")) {
      Long version = version(tag);
      if (version != null) {
        return ExpectedVersion.of(version);
      }
    }
    // no tag this service could have issued: nothing current can match it
    return ExpectedVersion.of(-1);
  }

  static boolean notModified(String ifNoneMatch, long version) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    return ifNoneMatch.trim().equals("*")
        || Arrays.stream(ifNoneMatch.split(","))
            .map(Preconditions::version)
            .anyMatch(v -> v != null && v == version);
  }

  private static Long version(String tag) {
    String value = tag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
