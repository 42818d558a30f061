package dev.rollcall.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The id of the current HTTP request, as the client sent it (when well-formed) or as the server
 * made it. Set once by the web layer before anything else runs; the logs record it.
 */
@RequestScoped
public class RequestId {
  private String value;

  public void assign(String value) {
    this.value = value;
  }

  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
