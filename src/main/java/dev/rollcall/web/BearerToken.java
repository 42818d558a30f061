package dev.rollcall.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerToken {
  private static final String SCHEME = "bearer ";

  private BearerToken() {}

  public static Optional<String> from(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() <= SCHEME.length()) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String token = header.substring(SCHEME.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
