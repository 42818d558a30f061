import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.LogManager;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Runs SAP's SCIMono compliance tests (the shaded jar, on the class path) against a fresh
 * organization of a running Rollcall server, minus an explicit list of exclusions, and exits
 * non-zero when a test that is not excluded fails.
 *
 * <p>It creates the organization through the operator API, then the run-as role, its grant and a
 * GENERIC SCIM security integration through the statement API, exactly as the README shows, seeds
 * a few users and groups through SCIM, and hands the suite the integration's {@code Uri} and {@code
 * Token}.
 *
 * <p>Why not the jar's own main class: version 0.0.24, the only one on Maven Central, has no {@code
 * custom.headers}; its only bearer-token mode is OAuth client credentials, which fetches {@code
 * access_token} from {@code oauth.service.url}. This runner serves that token itself on a loopback
 * port. The jar's launcher also exits 0 whatever fails, and selects tests only by inclusion.
 *
 * <p>{@code STRIP_ATTRIBUTES=a,b} (optional) serves the port of the server's public base URL
 * itself, as a loopback proxy to the server that deletes those attributes from JSON answers:
 * SCIMono's client rejects any attribute outside the RFC schemas, and Rollcall's User carries
 * {@code orgadmin} in its core schema by design. Start the server with {@code
 * ROLLCALL_PUBLIC_BASE_URL} on a free loopback port for the proxy, so that the integration's URI,
 * {@code meta.location} and {@code $ref} all name the proxy. Nothing else is changed.
 *
 * <p>Usage: {@code ROLLCALL_OPERATOR_TOKEN=... [STRIP_ATTRIBUTES=orgadmin] java --add-opens
 * java.base/java.net=ALL-UNNAMED -cp scimono-compliance-tests-shaded.jar ComplianceRunner.java
 * <server URL> <exclusions file> <report directory>}
 */
public final class ComplianceRunner {
  private static final String TESTS_PACKAGE = "com.sap.scimono.scim.system.tests";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SEEDED = 4;

  public static void main(String[] args) throws Exception {
    String operatorToken = System.getenv("ROLLCALL_OPERATOR_TOKEN");
    if (args.length != 3 || operatorToken == null) {
      System.err.println(
          "usage: ROLLCALL_OPERATOR_TOKEN=... [STRIP_ATTRIBUTES=...] java -cp <shaded jar>"
              + " ComplianceRunner.java <server URL> <exclusions file> <report directory>");
      System.exit(2);
    }
    URI server = URI.create(args[0]);
    Map<String, String> exclusions = readExclusions(Path.of(args[1]));
    Path reports = Files.createDirectories(Path.of(args[2]));
    List<String> strip =
        Stream.of(System.getenv().getOrDefault("STRIP_ATTRIBUTES", "").split(","))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList();

    awaitReady(server, Duration.ofMinutes(3));
    Map<String, String> integration = createOrganization(server, operatorToken);
    String scimUri = integration.get("Uri");
    System.out.println("SCIM base URI of the fresh organization: " + scimUri);
    seed(server.resolve(URI.create(scimUri).getRawPath() + "/"), integration.get("Token"));

    // As the jar's launcher does: java.util.logging (Jersey's request/response log) goes to SLF4J.
    LogManager.getLogManager().reset();
    SLF4JBridgeHandler.install();

    HttpServer tokenEndpoint = serveToken(integration.get("Token"));
    HttpServer proxy =
        strip.isEmpty() ? null : serveStrippingProxy(URI.create(scimUri).getPort(), server, strip);
    int status;
    try {
      System.setProperty("scim.service.url", scimUri);
      System.setProperty("auth.type", "Oauth");
      System.setProperty("oauth.grant", "client_credentials");
      System.setProperty("oauth.clientId", "rollcall-ci");
      System.setProperty("oauth.secret", "unused");
      System.setProperty(
          "oauth.service.url",
          "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token");
      if (proxy != null) {
        System.out.println("Stripping " + strip + " from the server's JSON answers");
      }
      status = run(exclusions, reports);
    } finally {
      tokenEndpoint.stop(0);
      if (proxy != null) {
        proxy.stop(0);
      }
    }
    System.exit(status);
  }

  private static void awaitReady(URI server, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest ready = HttpRequest.newBuilder(server.resolve("/health/ready")).build();
    while (true) {
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(server + " not ready after " + timeout);
      }
      Thread.sleep(1000);
    }
  }

  /** The organization, role, grant and integration; answers the integration's result row. */
  private static Map<String, String> createOrganization(URI server, String operatorToken)
      throws IOException, InterruptedException {
    String name = "compliance-" + System.currentTimeMillis();
    JsonNode organization =
        call(
            server.resolve("/api/v1/organizations"),
            operatorToken,
            "application/json",
            JSON.writeValueAsString(
                Map.of("name", name, "adminEmail", "admin@" + name + ".example")));
    URI statements =
        server.resolve("/api/v1/organizations/" + organization.get("id").asText() + "/statements");
    String adminToken = organization.get("adminToken").asText();
    call(statements, adminToken, "text/plain", "CREATE ROLE okta_skim_provisioner");
    call(
        statements,
        adminToken,
        "text/plain",
        "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE okta_skim_provisioner");
    JsonNode table =
        call(
            statements,
            adminToken,
            "text/plain",
            "CREATE SECURITY INTEGRATION compliance WITH ('type' = SCIM,"
                + " 'scim.client' = GENERIC, 'scim.run_as_role' = okta_skim_provisioner)");
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < table.get("columns").size(); i++) {
      row.put(table.get("columns").get(i).asText(), table.get("rows").get(0).get(i).asText());
    }
    return row;
  }

  /**
   * Users and groups that exist before the suite starts, as in an organization an identity provider
   * already pushed to. Several tests need them (e.g. "more than 3 Users", a user with an email, a
   * group with a user member) and are skipped or fail without, depending on what earlier tests
   * happened to leave behind.
   */
  private static void seed(URI scim, String token) throws IOException, InterruptedException {
    for (int i = 1; i <= SEEDED; i++) {
      String userName = "seed-user-" + i;
      Map<String, Object> user =
          Map.of(
              "schemas",
              List.of(
                  "urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
              "userName",
              userName,
              "displayName",
              "Seed User " + i,
              "name",
              Map.of("givenName", "Seed", "familyName", "User " + i),
              "emails",
              List.of(Map.of("value", userName + "@seed.example", "type", "work", "primary", true)),
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
              Map.of("organization", "Seed Org", "department", "Seeding"));
      String id =
          call(scim.resolve("Users"), token, "application/scim+json", JSON.writeValueAsString(user))
              .get("id")
              .asText();
      Map<String, Object> group =
          Map.of(
              "schemas",
              List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
              "displayName",
              "seed-group-" + i,
              "members",
              List.of(Map.of("value", id)));
      call(scim.resolve("Groups"), token, "application/scim+json", JSON.writeValueAsString(group));
    }
    System.out.printf("Seeded %d users and %d groups (besides the admin member)%n", SEEDED, SEEDED);
  }

  private static JsonNode call(URI uri, String token, String contentType, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "POST " + uri + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  /**
   * {@code <test> | <reason>} lines (see excluded-tests.txt); blank lines and lines starting with
   * '#' are comments. The test is trimmed, so an invocation whose display name ends in a blank
   * matches too.
   */
  private static Map<String, String> readExclusions(Path file) throws IOException {
    Map<String, String> exclusions = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int bar = trimmed.lastIndexOf(" | ");
      if (bar < 0 || trimmed.substring(bar + 3).isBlank()) {
        throw new IllegalArgumentException("exclusion needs '<test> | <reason>': " + line);
      }
      exclusions.put(trimmed.substring(0, bar).strip(), trimmed.substring(bar + 3).strip());
    }
    return exclusions;
  }

  /** A stand-in OAuth token endpoint on loopback that hands out the SCIM bearer token. */
  private static HttpServer serveToken(String token) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body =
        ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"}")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/token",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "expect", "host", "transfer-encoding", "upgrade");

  /**
   * Listens on {@code port} (loopback) and forwards every request to {@code target}'s origin,
   * deleting the attributes {@code names} from JSON answers.
   */
  private static HttpServer serveStrippingProxy(int port, URI target, List<String> names)
      throws IOException {
    String value = "(?:true|false|null|-?[0-9.eE+]+|\"(?:[^\"\\\\]|\\\\.)*\")";
    String keys = "\"(?:" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")\"";
    Pattern afterComma = Pattern.compile(",\\s*" + keys + "\\s*:\\s*" + value);
    Pattern beforeComma = Pattern.compile(keys + "\\s*:\\s*" + value + "\\s*,?");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/",
        exchange -> {
          try {
            HttpResponse<byte[]> answer =
                HTTP.send(forward(exchange, target), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = answer.body();
            boolean json =
                answer.headers().firstValue("Content-Type").orElse("").contains("json");
            if (json && body.length > 0) {
              String text = new String(body, StandardCharsets.UTF_8);
              text = afterComma.matcher(text).replaceAll("");
              text = beforeComma.matcher(text).replaceAll("");
              body = text.getBytes(StandardCharsets.UTF_8);
            }
            answer.headers().map().forEach(
                (name, values) -> {
                  if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                  }
                });
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
              exchange.getResponseBody().write(body);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          } finally {
            exchange.close();
          }
        });
    server.start();
    return server;
  }

  private static HttpRequest forward(HttpExchange exchange, URI target) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach(
        (name, values) -> {
          if (!HOP_BY_HOP.contains(name.toLowerCase())) {
            values.forEach(v -> request.header(name, v));
          }
        });
    return request.build();
  }

  private static int run(Map<String, String> exclusions, Path reports) {
    Set<String> matched = new TreeSet<>();
    // JUnit applies post-discovery filters to tests only: a class is excluded through its methods.
    PostDiscoveryFilter notExcluded =
        descriptor -> {
          Optional<String> id =
              sourceId(descriptor.getSource())
                  .flatMap(
                      method ->
                          Stream.of(method, method.replaceFirst("#.*", ""))
                              .filter(exclusions::containsKey)
                              .findFirst());
          id.ifPresent(matched::add);
          return id.isPresent()
              ? FilterResult.excluded(exclusions.get(id.get()))
              : FilterResult.included("not excluded");
        };
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage(TESTS_PACKAGE))
            .filters(notExcluded)
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
            .build();

    Results results = new Results(exclusions, matched);
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        request,
        results,
        new LegacyXmlReportGeneratingListener(reports, new PrintWriter(System.out, true)));

    System.out.println();
    exclusions.forEach(
        (id, reason) -> {
          if (matched.contains(id)) {
            System.out.println("EXCLUDED " + id + "  " + reason);
          } else {
            System.out.println("WARNING: the exclusion matches no test: " + id);
          }
        });
    System.out.println();
    results.failures.forEach(failure -> System.out.println("FAILED " + failure));
    System.out.printf(
        "%d tests or invocations excluded (.ci/compliance/excluded-tests.txt)%n", matched.size());
    System.out.printf(
        "compliance: %d passed, %d failed, %d skipped%n",
        results.passed, results.failures.size(), results.skipped);
    return results.failures.isEmpty() && results.passed > 0 ? 0 : 1;
  }

  /** {@code Class} for a class, {@code Class#method} for a method, by simple class name. */
  private static Optional<String> sourceId(Optional<?> source) {
    return source.flatMap(
        s -> {
          if (s instanceof MethodSource method) {
            return Optional.of(simpleName(method.getClassName()) + "#" + method.getMethodName());
          }
          if (s instanceof ClassSource type) {
            return Optional.of(simpleName(type.getClassName()));
          }
          return Optional.empty();
        });
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * Prints one line per test and counts; a failed container (e.g. a failed @BeforeAll) fails too.
   * An invocation excluded by display name runs, but its failure does not count.
   */
  private static final class Results implements TestExecutionListener {
    private final Map<String, String> exclusions;
    private final Set<String> matched;
    private final List<String> failures = new ArrayList<>();
    private TestPlan plan;
    private int passed;
    private int skipped;

    Results(Map<String, String> exclusions, Set<String> matched) {
      this.exclusions = exclusions;
      this.matched = matched;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
      if (test.isTest()) {
        skipped++;
        System.out.println("SKIPPED " + name(test) + "  " + reason);
      }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      String name = name(test);
      String message =
          result
              .getThrowable()
              .map(thrown -> String.valueOf(thrown.getMessage()).replaceAll("\\s+", " ").strip())
              .map(text -> text.length() > 400 ? text.substring(0, 400) + "..." : text)
              .orElse("");
      boolean excluded = exclusions.containsKey(name);
      if (excluded) {
        matched.add(name);
      }
      switch (result.getStatus()) {
        case SUCCESSFUL:
          if (test.isTest()) {
            passed++;
            System.out.println("PASSED " + name + (excluded ? "  (excluded, but passes)" : ""));
          }
          break;
        case ABORTED:
          if (test.isTest()) {
            skipped++;
            System.out.println("ABORTED " + name + "  " + message);
          }
          break;
        default:
          if (excluded) {
            System.out.println("EXCLUDED-FAILED " + name + "  " + message);
          } else {
            failures.add(name + "  " + message);
            System.out.println("FAILED " + name + "  " + message);
          }
      }
    }

    /** Class#method; a parameterized invocation or dynamic test adds its display name. */
    private String name(TestIdentifier test) {
      Optional<String> own = sourceId(test.getSource());
      Optional<String> parent = plan.getParent(test).flatMap(p -> sourceId(p.getSource()));
      if (own.isPresent() && !own.equals(parent)) {
        return own.get();
      }
      String display = test.getDisplayName().strip();
      return parent.map(id -> id + " " + display).orElse(display);
    }
  }
}
