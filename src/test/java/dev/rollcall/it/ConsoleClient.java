package dev.rollcall.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The console's JSON API as its pages call it: a session cookie kept between requests, the CSRF
 * token sent with every change, and the console's own Origin (each overridable to play an
 * attacker).
 */
final class ConsoleClient {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;
  String cookie;
  String csrf;
  String origin;

  ConsoleClient(URI base) {
    this.base = base;
    this.origin = base.getScheme() + "://" + base.getRawAuthority();
  }

  record Answer(int status, HttpResponse<String> response) {
    JsonObject json() {
      return Json.createReader(new StringReader(response.body())).readObject();
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    String body() {
      return response.body();
    }
  }

  /** Signs in with an API token; keeps the cookie and CSRF token on success. */
  Answer signIn(String organizationId, String token) {
    return open(
        "console/api/session",
        Json.createObjectBuilder()
            .add("organizationId", organizationId)
            .add("token", token)
            .build()
            .toString());
  }

  /** Redeems a setup link's code; keeps the cookie and CSRF token on success. */
  Answer redeem(String organizationId, String code) {
    return open(
        "console/api/setup-session",
        Json.createObjectBuilder()
            .add("organizationId", organizationId)
            .add("code", code)
            .build()
            .toString());
  }

  private Answer open(String path, String body) {
    Answer answer = send("POST", path, "application/json", body);
    if (answer.status() == 200) {
      cookie = answer.header("Set-Cookie").orElseThrow().split(";", 2)[0];
      csrf = answer.json().getString("csrfToken");
    }
    return answer;
  }

  Answer get(String path) {
    return send("GET", path, null, null);
  }

  Answer statement(String text) {
    return send("POST", "console/api/statements", "text/plain", text);
  }

  Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
