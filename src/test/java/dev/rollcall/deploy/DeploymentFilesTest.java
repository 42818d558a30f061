package dev.rollcall.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files in deploy/ cannot be run here, so this reads them against the server they
 * deploy: every manifest is valid YAML, every probe asks an endpoint the server has, on the port
 * and scheme the production profile serves, and every environment variable or mounted Liberty
 * variable they set is one the server reads. What the server reads is derived from the sources
 * (server.xml and its includes, microprofile-config.properties, {@code @ConfigProperty}), never
 * listed here.
 */
class DeploymentFilesTest {
  private static final Path DEPLOY = Path.of("deploy");
  private static final Path LIBERTY = Path.of("liberty/config");
  private static final String VARIABLES_DIR = "/config/variables";

  @Test
  void manifestsAreValidYamlWithTheKindsThePlatformTeamNeeds() {
    Set<String> kinds = new TreeSet<>();
    for (Map<String, Object> document : manifests()) {
      kinds.add(document.get("apiVersion") + " " + document.get("kind"));
    }
    assertEquals(
        Set.of(
            "apps.openliberty.io/v1 OpenLibertyApplication",
            "apps/v1 Deployment",
            "v1 Secret",
            "v1 Service"),
        kinds);
  }

  /**
   * The image, the launcher of the jar and the benchmark start the JVM with one file's settings: it
   * bounds the heap, and every COPY of the Containerfile takes a file the repository has or the
   * production package builds (under target/).
   */
  @Test
  void theImageAndTheLauncherShareTheJvmSettings() {
    List<String> options =
        read(DEPLOY.resolve("jvm.options"))
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertTrue(options.stream().anyMatch(o -> o.matches("-Xmx\\d+[mg]")), options.toString());
    assertTrue(options.stream().allMatch(o -> o.startsWith("-")), options.toString());
    String containerfile = read(DEPLOY.resolve("Containerfile"));
    assertTrue(
        containerfile.contains("deploy/jvm.options /config/jvm.options"),
        "the image's /config/jvm.options is deploy/jvm.options");
    Matcher copy =
        Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$").matcher(containerfile);
    int copies = 0;
    while (copy.find()) {
      String source = copy.group(1);
      copies++;
      assertTrue(
          source.startsWith("target/") || Files.exists(Path.of(source)),
          "COPY " + source + " names no file of the repository");
    }
    assertTrue(copies >= 3, containerfile);
    assertTrue(read(DEPLOY.resolve("rollcall.sh")).contains("jvm.options"));
    assertTrue(read(Path.of("pom.xml")).contains("deploy/jvm.options"), "the benchmark's JVM");
  }

  @Test
  void probesAskHealthEndpointsTheServerHasOnItsProductionPort() {
    String httpsPort = variableDefault(LIBERTY.resolve("profile/production.xml"), "https.port");
    Set<String> endpoints = healthEndpoints();
    int probes = 0;
    for (Map<String, Object> document : manifests()) {
      for (Map.Entry<String, Map<String, Object>> probe : probes(document)) {
        Map<String, Object> get = map(probe.getValue().get("httpGet"));
        String path = (String) get.get("path");
        assertTrue(
            endpoints.contains(path),
            probe.getKey() + " asks " + path + ", not one of " + endpoints);
        assertEquals(expectedPath(probe.getKey()), path, probe.getKey());
        assertEquals(httpsPort, String.valueOf(get.get("port")), probe.getKey() + " port");
        assertEquals("HTTPS", get.get("scheme"), probe.getKey() + " scheme");
        probes++;
      }
    }
    assertEquals(
        6,
        probes,
        "startup, readiness and liveness in both the Deployment and the operator's resource");
    // the readiness probe means something only while a readiness check looks at the database
    assertTrue(sources().anyMatch(source -> source.contains("@Readiness")), "no @Readiness check");
    Matcher healthcheck =
        Pattern.compile("https://localhost:(\\d+)(/health/\\w+)")
            .matcher(read(DEPLOY.resolve("Containerfile")));
    assertTrue(healthcheck.find(), "Containerfile HEALTHCHECK");
    assertEquals(httpsPort, healthcheck.group(1));
    assertEquals("/health/ready", healthcheck.group(2));
  }

  @Test
  void everyVariableTheManifestsSetIsOneTheServerReads() {
    Set<String> libertyVariables = libertyVariables();
    Set<String> readable = new TreeSet<>();
    libertyVariables.forEach(name -> readable.add(environmentName(name)));
    microProfileKeys().forEach(key -> readable.add(environmentName(key)));
    assertTrue(
        readable.contains("ROLLCALL_OPERATOR_TOKEN") && readable.contains("DB_PASSWORD"),
        readable.toString());

    List<String> set = new ArrayList<>();
    for (Map<String, Object> document : manifests()) {
      walk(
          document,
          (key, value) -> {
            if (key.equals("env")) {
              for (Object variable : (List<?>) value) {
                set.add((String) map(variable).get("name"));
              }
            }
          });
    }
    Matcher env =
        Pattern.compile("(?m)^ENV\\s+(\\w+)=").matcher(read(DEPLOY.resolve("Containerfile")));
    while (env.find()) {
      set.add(env.group(1));
    }
    assertTrue(set.contains("ROLLCALL_PROFILE"), set.toString());
    for (String name : set) {
      assertTrue(readable.contains(name), name + " is set but the server reads no such variable");
    }

    // Secrets mounted into Liberty's variables directory: each file name is a Liberty variable.
    int mounted = 0;
    for (Map<String, Object> document : manifests()) {
      for (String file : variableFiles(document)) {
        assertTrue(libertyVariables.contains(file), file + " is mounted but no server.xml uses it");
        mounted++;
      }
    }
    assertEquals(2, mounted, "the keystore password, in both workloads");
  }

  @Test
  void theSecretHoldsEverythingTheWorkloadsTakeFromIt() {
    Map<String, Object> secret =
        manifests().stream().filter(d -> "Secret".equals(d.get("kind"))).findFirst().orElseThrow();
    Set<String> keys = new TreeSet<>(map(secret.get("stringData")).keySet());
    keys.addAll(map(secret.get("data")).keySet());
    String secretName = (String) map(secret.get("metadata")).get("name");
    Set<String> used = new TreeSet<>();
    for (Map<String, Object> document : manifests()) {
      walk(
          document,
          (key, value) -> {
            if (key.equals("secretKeyRef") && secretName.equals(map(value).get("name"))) {
              used.add((String) map(value).get("key"));
            }
            if (key.equals("secret") && secretName.equals(map(value).get("secretName"))) {
              for (Object item : (List<?>) map(value).get("items")) {
                used.add((String) map(item).get("key"));
              }
            }
          });
    }
    assertEquals(keys, used);
  }

  // --- what the server has and reads ---

  /** The MicroProfile Health endpoints of the mpHealth feature server.xml enables. */
  private static Set<String> healthEndpoints() {
    Matcher feature =
        Pattern.compile("<feature>mpHealth-(\\d+)\\.(\\d+)</feature>")
            .matcher(read(LIBERTY.resolve("server.xml")));
    assertTrue(feature.find(), "server.xml enables no mpHealth feature");
    int version = Integer.parseInt(feature.group(1)) * 10 + Integer.parseInt(feature.group(2));
    Set<String> endpoints = new TreeSet<>(Set.of("/health", "/health/live", "/health/ready"));
    if (version >= 31) { // the startup endpoint came with MicroProfile Health 3.1
      endpoints.add("/health/started");
    }
    return endpoints;
  }

  private static String expectedPath(String probe) {
    return switch (probe) {
      case "startupProbe", "startup" -> "/health/started";
      case "readinessProbe", "readiness" -> "/health/ready";
      case "livenessProbe", "liveness" -> "/health/live";
      default -> throw new AssertionError(probe);
    };
  }

  /** Variables server.xml and its includes declare or use, without Liberty's own locations. */
  private static Set<String> libertyVariables() {
    Set<String> names = new TreeSet<>();
    Pattern declared = Pattern.compile("<variable\\s+name=\"([^\"]+)\"");
    Pattern used = Pattern.compile("\\$\\{([^}]+)}");
    try (Stream<Path> files = Files.walk(LIBERTY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
        String xml = read(file);
        for (Pattern pattern : List.of(declared, used)) {
          Matcher matcher = pattern.matcher(xml);
          while (matcher.find()) {
            names.add(matcher.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.removeIf(name -> name.startsWith("server.") || name.startsWith("wlp."));
    return names;
  }

  /**
   * MicroProfile Config keys: the defaults file and every {@code @ConfigProperty(name = "...")}.
   */
  private static Set<String> microProfileKeys() {
    Set<String> keys = new TreeSet<>();
    Matcher property =
        Pattern.compile("(?m)^([\\w.-]+)=")
            .matcher(read(Path.of("src/main/resources/META-INF/microprofile-config.properties")));
    while (property.find()) {
      keys.add(property.group(1));
    }
    Pattern annotation = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
    sources()
        .forEach(
            source -> {
              Matcher matcher = annotation.matcher(source);
              while (matcher.find()) {
                keys.add(matcher.group(1));
              }
            });
    return keys;
  }

  /**
   * How MicroProfile Config and Liberty look a key up in the environment: rollcall.a-b ->
   * ROLLCALL_A_B.
   */
  private static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static String variableDefault(Path file, String name) {
    Matcher matcher =
        Pattern.compile("<variable name=\"" + Pattern.quote(name) + "\" defaultValue=\"([^\"]*)\"")
            .matcher(read(file));
    assertTrue(matcher.find(), name + " in " + file);
    return matcher.group(1);
  }

  // --- the manifests ---

  private static List<Map<String, Object>> manifests() {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object document :
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(file))) {
          if (document != null) {
            documents.add(map(document));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(documents.isEmpty());
    return documents;
  }

  /** Probes of a Deployment's containers or of an OpenLibertyApplication, by field name. */
  private static List<Map.Entry<String, Map<String, Object>>> probes(Map<String, Object> document) {
    List<Map.Entry<String, Map<String, Object>>> probes = new ArrayList<>();
    walk(
        document,
        (key, value) -> {
          if (key.endsWith("Probe")) {
            probes.add(Map.entry(key, map(value)));
          }
          if (key.equals("probes")) {
            map(value).forEach((name, probe) -> probes.add(Map.entry(name, map(probe))));
          }
        });
    return probes;
  }

  /** File names of the Secret items mounted at Liberty's variables directory. */
  private static List<String> variableFiles(Map<String, Object> document) {
    List<String> mounted = new ArrayList<>();
    List<String> volumes = new ArrayList<>();
    walk(
        document,
        (key, value) -> {
          if (key.equals("volumeMounts")) {
            for (Object mount : (List<?>) value) {
              if (VARIABLES_DIR.equals(map(mount).get("mountPath"))) {
                mounted.add((String) map(mount).get("name"));
              }
            }
          }
        });
    walk(
        document,
        (key, value) -> {
          if (key.equals("volumes")) {
            for (Object volume : (List<?>) value) {
              if (mounted.contains(map(volume).get("name"))) {
                for (Object item : (List<?>) map(map(volume).get("secret")).get("items")) {
                  volumes.add((String) map(item).get("path"));
                }
              }
            }
          }
        });
    return volumes;
  }

  private interface Visitor {
    void visit(String key, Object value);
  }

  private static void walk(Object node, Visitor visitor) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            visitor.visit(String.valueOf(key), value);
            walk(value, visitor);
          });
    } else if (node instanceof List<?> list) {
      list.forEach(element -> walk(element, visitor));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  private static Stream<String> sources() {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(DeploymentFilesTest::read)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
