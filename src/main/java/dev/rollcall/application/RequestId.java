package dev.rollcall.application;

import java.util.Optional;

/**
 * The id of the HTTP request the current thread is serving, as the client sent it (when
 * well-formed) or as the server made it. The web layer enters it before anything else runs and
 * leaves it when the response is done; the logs and the audit trail record it. A thread-bound value
 * rather than a request-scoped bean: every request sets it, and a bean would cost each one a
 * context look-up through a proxy.
 */
public final class RequestId {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestId() {}

  /** The id of the request this thread is serving; empty outside a request. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** This thread now serves the request {@code id}, until {@link #leave()}. */
  public static void enter(String id) {
    CURRENT.set(id);
  }

  public static void leave() {
    CURRENT.remove();
  }
}
