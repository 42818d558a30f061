package dev.rollcall.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A black-box client for Rollcall's HTTP surface, written against a base URI only: the tests that
 * use it run the same against the Arquillian-deployed server or any other running Rollcall.
 */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  // looked up once: Json.createReader looks the provider up through ServiceLoader on every call,
  // CPU the load driver would spend beside the server on every parsed reply
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private final URI base;

  public Http(URI base) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
  }

  /** The system property naming a running Rollcall to test instead of the Arquillian server. */
  public static final String URL_PROPERTY = "rollcall.it.url";

  /**
   * A client for the Rollcall under test: the one {@code -Drollcall.it.url=http://host:port} names
   * when set, else the Arquillian deployment at {@code deployment}.
   */
  public static Http at(URL deployment) {
    String external = System.getProperty(URL_PROPERTY, "");
    if (!external.isBlank()) {
      return new Http(URI.create(external.strip()));
    }
    try {
      return new Http(deployment.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public URI base() {
    return base;
  }

  /** One HTTP exchange's outcome. */
  public record Reply(int status, HttpResponse<String> response) {
    public String body() {
      return response.body();
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public JsonObject json() {
      return READERS.createReader(new StringReader(body())).readObject();
    }

    /** The rows of a statement result as lists of JSON values. */
    public List<JsonArray> rows() {
      return json().getJsonArray("rows").getValuesAs(JsonArray.class);
    }

    /** A statement result's column of that name, one string per row (null for JSON null). */
    public List<String> column(String name) {
      JsonObject result = json();
      int index =
          result.getJsonArray("columns").getValuesAs(JsonValue.class).stream()
              .map(v -> ((jakarta.json.JsonString) v).getString())
              .toList()
              .indexOf(name);
      if (index < 0) {
        throw new AssertionError("no column " + name + " in " + result);
      }
      List<String> values = new ArrayList<>();
      for (JsonArray row : rows()) {
        JsonValue cell = row.get(index);
        values.add(
            switch (cell.getValueType()) {
              case NULL -> null;
              case STRING -> ((jakarta.json.JsonString) cell).getString();
              default -> cell.toString();
            });
      }
      return values;
    }
  }

  public Reply send(
      String method, String path, String bearer, String contentType, String accept, String body) {
    return send(method, path, bearer, contentType, accept, body, Map.of());
  }

  /** {@link #send} with more request headers, such as {@code X-Request-Id}. */
  public Reply send(
      String method,
      String path,
      String bearer,
      String contentType,
      String accept,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The operator token the test server was started with. */
  public static String operatorToken() {
    return System.getProperty("rollcall.test.operator-token", "test-operator-token-not-secret");
  }

  /** An organization created through the operator API, with its first admin's token. */
  public record Organization(String id, String name, String adminToken) {}

  public Organization createOrganization(String name, String adminEmail) {
    String body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("adminEmail", adminEmail)
            .build()
            .toString();
    Reply reply =
        send(
            "POST",
            "api/v1/organizations",
            operatorToken(),
            "application/json",
            "application/json",
            body);
    if (reply.status() != 201) {
      throw new AssertionError(
          "creating an organization gave " + reply.status() + ": " + reply.body());
    }
    JsonObject json = reply.json();
    return new Organization(
        json.getString("id"), json.getString("name"), json.getString("adminToken"));
  }

  /** One SCIM call against the organization's SCIM base, as an identity provider makes it. */
  public Reply scim(Organization org, String token, String method, String path, String body) {
    return send(
        method,
        "scim/v2/" + org.id() + (path.startsWith("/") ? path : "/" + path),
        token,
        body == null ? null : "application/scim+json",
        "application/scim+json",
        body);
  }

  /**
   * What the SCIM suites start from: a new organization (its name made unique), its first admin,
   * and one SCIM integration acting as a role that holds MANAGE_MEMBERS.
   */
  public record Fixture(Organization org, String scimToken) {
    public String adminToken() {
      return org.adminToken();
    }
  }

  /**
   * Creates the organization {@code name} (plus a unique suffix) with its first admin and an
   * integration of {@code client} ({@code OKTA}, {@code ENTRA_ID}, {@code GENERIC}) running as
   * {@code role}; see {@link #integration(Organization, String, String, String)}.
   */
  public Fixture fixture(
      String name, String adminEmail, String client, String role, String moreOptions) {
    Organization org = createOrganization(name + " " + UUID.randomUUID(), adminEmail);
    return new Fixture(org, integration(org, client, role, moreOptions));
  }

  public Fixture fixture(String name, String adminEmail, String client, String role) {
    return fixture(name, adminEmail, client, role, "");
  }

  /** An organization with the Okta integration the README sets up. */
  public Fixture oktaFixture(String name, String adminEmail) {
    return fixture(name, adminEmail, "OKTA", "okta_skim_provisioner");
  }

  /** Creates {@code role} if it does not exist and grants it MANAGE_MEMBERS, as an admin would. */
  public void provisioningRole(Organization org, String role) {
    ok(org, org.adminToken(), "CREATE ROLE IF NOT EXISTS " + role);
    ok(org, org.adminToken(), "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE " + role);
  }

  /**
   * Creates the integration named after the client ({@code okta}, {@code entra}, {@code generic})
   * acting as {@code role}, which gets MANAGE_MEMBERS, and returns its SCIM token. {@code
   * moreOptions} is appended to the WITH list as written, e.g. {@code , 'scim.extension' = '...'}.
   */
  public String integration(Organization org, String client, String role, String moreOptions) {
    provisioningRole(org, role);
    String name = client.split("_")[0].toLowerCase(Locale.ROOT);
    return ok(
            org,
            org.adminToken(),
            "CREATE SECURITY INTEGRATION "
                + name
                + " WITH ('type' = SCIM, 'scim.client' = "
                + client
                + ", 'scim.run_as_role' = "
                + role
                + moreOptions
                + ")")
        .column("Token")
        .get(0);
  }

  /** Sets up an Okta integration the way the README says and returns its SCIM token. */
  public String oktaIntegration(Organization org) {
    return integration(org, "OKTA", "okta_skim_provisioner", "");
  }

  /** Runs one statement, asking for JSON. */
  public Reply statement(Organization org, String token, String text) {
    return send(
        "POST",
        "api/v1/organizations/" + org.id() + "/statements",
        token,
        "text/plain",
        "application/json",
        text);
  }

  /** Runs one statement that must succeed, asking for JSON. */
  public Reply ok(Organization org, String token, String text) {
    Reply reply = statement(org, token, text);
    if (reply.status() != 200) {
      throw new AssertionError(text + " gave " + reply.status() + ": " + reply.body());
    }
    return reply;
  }
}
