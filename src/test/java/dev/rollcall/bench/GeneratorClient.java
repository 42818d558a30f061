package dev.rollcall.bench;

import dev.rollcall.it.Http;
import dev.rollcall.it.Http.Organization;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The driver's side of the in-container data generator ({@code dev.rollcall.bench.generator}, only
 * in the benchmark's WAR): loads users and groups through the application's services, reads an
 * organization's users with raw JDBC on the server's own data source, and reads the server's heap.
 */
final class GeneratorClient {
  /** Users per HTTP call; the server commits every 500. */
  static final int USERS_PER_CALL = 5_000;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI base;

  GeneratorClient(Http http) {
    this.base = http.base().resolve("bench/");
  }

  /** Users {@code prefix<from>@domain} .. {@code prefix<from+count-1>@domain}; their ids. */
  List<String> users(
      Organization org, String token, String prefix, String domain, int from, int count) {
    List<String> ids = new java.util.ArrayList<>(count);
    for (int start = from; start < from + count; start += USERS_PER_CALL) {
      int n = Math.min(USERS_PER_CALL, from + count - start);
      JsonObject reply =
          call(
              "POST",
              "orgs/%s/users?prefix=%s&domain=%s&from=%d&count=%d"
                  .formatted(org.id(), encode(prefix), encode(domain), start, n),
              token,
              null);
      ids.addAll(reply.getJsonArray("ids").getValuesAs(JsonString::getString));
    }
    return ids;
  }

  /** A group of the integration with these members; its id. */
  String group(Organization org, String token, String name, List<String> members) {
    JsonArrayBuilder body = Json.createArrayBuilder();
    members.forEach(body::add);
    return call(
            "POST",
            "orgs/%s/groups?name=%s".formatted(org.id(), encode(name)),
            token,
            body.build().toString())
        .getString("id");
  }

  /** Raw JDBC read of the organization's users in 100-row pages: rows read, each page's nanos. */
  record JdbcImport(long rows, long[] pageNanos) {}

  JdbcImport jdbcImport(Organization org) {
    JsonObject reply = call("GET", "orgs/" + org.id() + "/jdbc-import?pageSize=100", null, null);
    return new JdbcImport(
        reply.getJsonNumber("rows").longValue(),
        reply.getJsonArray("pageNanos").getValuesAs(JsonNumber::longValue).stream()
            .mapToLong(Long::longValue)
            .toArray());
  }

  /**
   * Raw JDBC {@code userName eq} look-ups on the server's data source: random users {@code
   * prefix<i>@<domain>} (i below {@code perOrg}) of random organizations; each look-up's nanos.
   */
  long[] jdbcLookups(
      Organization any,
      List<Organization> orgs,
      List<String> domains,
      String prefix,
      int perOrg,
      int count) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    orgs.forEach(o -> ids.add(o.id()));
    JsonArrayBuilder names = Json.createArrayBuilder();
    domains.forEach(names::add);
    String body =
        Json.createObjectBuilder().add("orgs", ids).add("domains", names).build().toString();
    return call(
            "POST",
            "orgs/%s/jdbc-lookups?prefix=%s&perOrg=%d&count=%d"
                .formatted(any.id(), encode(prefix), perOrg, count),
            null,
            body)
        .getJsonArray("nanos")
        .getValuesAs(JsonNumber::longValue)
        .stream()
        .mapToLong(Long::longValue)
        .toArray();
  }

  /** The server's heap after a full collection, and its pools' peaks, in bytes. */
  JsonObject heap(Organization org) {
    return call("GET", "orgs/" + org.id() + "/heap", null, null);
  }

  private JsonObject call(String method, String path, String integrationToken, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + Http.operatorToken())
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (integrationToken != null) {
      request.header("X-Integration-Token", integrationToken);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "generator "
                + method
                + " "
                + path
                + " gave "
                + response.statusCode()
                + ": "
                + response.body().substring(0, Math.min(300, response.body().length())));
      }
      return Json.createReader(new StringReader(response.body())).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
