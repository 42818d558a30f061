package dev.rollcall.console;

import java.time.Instant;

/**
 * One signed-in browser: the organization, the member it acts as, what opened it, and the CSRF
 * token every change must carry. A member session keeps the hash of the API token it was opened
 * with and is re-checked against it on every request; a setup session was opened by a setup link
 * and may only use the wizard.
 */
public final class ConsoleSession {
  /** What opened the session, and so what it may do. */
  public enum Kind {
    /** Signed in with an API token: everything the member may do. */
    MEMBER,
    /** Opened by a one-time setup link: the setup wizard only. */
    SETUP
  }

  private final String key;
  private final String organizationId;
  private final String memberId;
  private final String apiTokenHash;
  private final Kind kind;
  private final String csrfToken;
  private volatile Instant lastSeen;

  ConsoleSession(
      String key,
      String organizationId,
      String memberId,
      String apiTokenHash,
      Kind kind,
      String csrfToken,
      Instant now) {
    this.key = key;
    this.organizationId = organizationId;
    this.memberId = memberId;
    this.apiTokenHash = apiTokenHash;
    this.kind = kind;
    this.csrfToken = csrfToken;
    this.lastSeen = now;
  }

  /** The hash of the cookie's secret, under which the session is kept. */
  String key() {
    return key;
  }

  public String organizationId() {
    return organizationId;
  }

  public String memberId() {
    return memberId;
  }

  /** The hash of the API token a member session was opened with; null for a setup session. */
  String apiTokenHash() {
    return apiTokenHash;
  }

  public Kind kind() {
    return kind;
  }

  String csrfToken() {
    return csrfToken;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void seen(Instant now) {
    this.lastSeen = now;
  }
}
