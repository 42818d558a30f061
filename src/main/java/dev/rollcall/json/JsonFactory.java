package dev.rollcall.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider every builder, value and reader comes from.
 *
 * <p>{@code jakarta.json.JSON.createObjectBuilder()} and its siblings look the provider up again on
 * every call ({@code JsonProvider.provider()}: a {@code ServiceLoader} walk through the server's
 * class loaders), a noticeable share of a request's CPU. The provider is stateless and thread-safe,
 * so it is looked up once.
 */
public final class JsonFactory {
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonFactory() {}
}
