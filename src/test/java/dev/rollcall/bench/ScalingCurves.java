package dev.rollcall.bench;

import dev.rollcall.it.Http;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How latency grows with the data (issue item 4), on data loaded by the in-container generator:
 * {@code userName eq} as users grow over many organizations (next to the HTTP floor at the same
 * moment), group PATCH of one member as the group grows, and a full {@code count=100} import of one
 * large organization next to the raw JDBC read of the same rows on the server's own data source.
 */
final class ScalingCurves {
  /** Setting up is not a benchmark: no time limit short enough to cut it off. */
  private static final Duration SETUP = Duration.ofHours(4);

  private final Http http;
  private final GeneratorClient generator;
  private final Sizes sizes;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<Stat> stats = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private Organization largeOrg;
  private long heapMax = -1;

  ScalingCurves(Http http, Sizes sizes) {
    this.http = http;
    this.generator = new GeneratorClient(http);
    this.sizes = sizes;
  }

  List<Stat> stats() {
    return stats;
  }

  List<String> notes() {
    return notes;
  }

  /** The server's maximum heap in bytes (after {@link #run()}). */
  long heapMax() {
    return heapMax;
  }

  /** Suffix of the operations that the curve repeats with a single client. */
  static final String ONE_CLIENT = ", 1 client";

  static String floorAt(int users) {
    return "floor @ " + users + " users";
  }

  static String lookupAt(int users) {
    return "userName eq @ " + users + " users";
  }

  static String jdbcLookupAt(int users) {
    return "jdbc userName lookup @ " + users;
  }

  static String patchAddAt(int members) {
    return "PATCH add @ " + members + " members";
  }

  static String patchRemoveAt(int members) {
    return "PATCH remove @ " + members + " members";
  }

  static String importOf(int users) {
    return "import page @ " + users + " users";
  }

  static String jdbcImportOf(int users) {
    return "jdbc import page @ " + users;
  }

  void run() {
    lookups();
    groupsAndImport();
    JsonObject heap = generator.heap(largeOrg);
    heapMax = heap.getJsonNumber("max").longValue();
    notes.add(
        String.format(
            Locale.ROOT,
            "Server heap after the curves: %.0f MiB in use after a full GC, %.0f MiB committed,"
                + " max %.0f MiB (the run completed inside it).",
            mib(heap.getJsonNumber("usedAfterGc").longValue()),
            mib(heap.getJsonNumber("committed").longValue()),
            mib(heap.getJsonNumber("max").longValue())));
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /** {@code userName eq} at each level of users, spread evenly over {@code curveOrgs} orgs. */
  private void lookups() {
    int orgs = sizes.curveOrgs();
    Organization[] org = new Organization[orgs];
    String[] token = new String[orgs];
    stats.add(
        Runner.run(
            "setup: org + Okta integration",
            sizes.threads(),
            orgs,
            SETUP,
            o -> {
              org[o] = http.createOrganization("Curve " + run + " " + o, "admin@" + domain(o));
              token[o] = http.oktaIntegration(org[o]);
              return true;
            }));
    int perOrg = 0;
    for (int level : sizes.lookupLevels()) {
      int from = perOrg;
      int to = level / orgs;
      Stat load =
          Runner.run(
              "generate users to " + level,
              2,
              orgs,
              SETUP,
              o ->
                  generator.users(org[o], token[o], "user", domain(o), from, to - from).size()
                      == to - from);
      stats.add(load);
      notes.add(
          String.format(
              Locale.ROOT,
              "Generator: %d users in %.0f s (%.0f users/s through the services, 500 per"
                  + " transaction).",
              (to - from) * orgs,
              load.seconds(),
              (to - from) * orgs / load.seconds()));
      perOrg = to;
      int users = perOrg;
      Runner.Call floor =
          i -> {
            int o = ThreadLocalRandom.current().nextInt(orgs);
            return ok(http.scim(org[o], token[o], "GET", "/ServiceProviderConfig", null));
          };
      Runner.Call lookup =
          i -> {
            int o = ThreadLocalRandom.current().nextInt(orgs);
            String userName = "user" + ThreadLocalRandom.current().nextInt(users) + "@" + domain(o);
            String filter =
                URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
            Reply reply =
                http.scim(
                    org[o],
                    token[o],
                    "GET",
                    "/Users?filter=" + filter + "&startIndex=1&count=100",
                    null);
            return ok(reply) && reply.json().getInt("totalResults") == 1;
          };
      stats.add(
          Runner.run(
              floorAt(level), sizes.threads(), sizes.floor(), sizes.maxPerScenario(), floor));
      stats.add(
          Runner.run(
              lookupAt(level), sizes.threads(), sizes.lookups(), sizes.maxPerScenario(), lookup));
      // the same requests one at a time: latency without queueing behind the other clients (on
      // shared cores a loaded p50 also measures how the scheduler treats each kind of request)
      stats.add(
          Runner.run(floorAt(level) + ONE_CLIENT, 1, sizes.floor(), sizes.maxPerScenario(), floor));
      stats.add(
          Runner.run(
              lookupAt(level) + ONE_CLIENT, 1, sizes.lookups(), sizes.maxPerScenario(), lookup));
      if (level == sizes.lookupLevels().stream().mapToInt(Integer::intValue).max().orElseThrow()) {
        // server CPU per request at the most users, the floor measured at the same moment
        stats.add(
            Runner.steady(CpuTable.floorAt(level), 1, sizes.cpuWarmup(), sizes.cpuWindow(), floor));
        stats.add(
            Runner.steady(
                CpuTable.lookupAt(level), 1, sizes.cpuWarmup(), sizes.cpuWindow(), lookup));
      }
      long[] jdbc =
          generator.jdbcLookups(
              org[0],
              List.of(org),
              java.util.stream.IntStream.range(0, orgs).mapToObj(this::domain).toList(),
              "user",
              users,
              sizes.lookups());
      stats.add(
          Runner.of(jdbcLookupAt(level), jdbc, java.util.Arrays.stream(jdbc).sum() / 1e9, 0, null));
    }
  }

  private String domain(int org) {
    return "o" + org + "." + run + ".curve.example";
  }

  /**
   * One organization with a group of each size (taken from its first users) and {@code patchPairs}
   * spare users who are added and removed one PATCH at a time (a tenth of them untimed first, for
   * each group); then its full import.
   */
  private void groupsAndImport() {
    largeOrg =
        http.createOrganization("Curve " + run + " large", "admin@large." + run + ".example");
    String token = http.oktaIntegration(largeOrg);
    int largest = sizes.groupLevels().stream().mapToInt(Integer::intValue).max().orElse(0);
    int total = Math.max(sizes.importUsers(), largest + sizes.patchPairs());
    long start = System.nanoTime();
    List<String> ids =
        generator.users(largeOrg, token, "member", "large." + run + ".example", 0, total);
    notes.add(
        String.format(
            Locale.ROOT,
            "Generator: one organization of %d users in %.0f s.",
            total,
            (System.nanoTime() - start) / 1e9));
    List<String> spare = ids.subList(total - sizes.patchPairs(), total);
    for (int members : sizes.groupLevels()) {
      String group = generator.group(largeOrg, token, "curve-" + members, ids.subList(0, members));
      String path = "/Groups/" + group;
      // untimed first: the new group's rows into the database's cache, so that each level
      // measures PATCHes to a group in use rather than its first few
      for (int i = 0; i < Math.max(1, spare.size() / 10); i++) {
        String user = spare.get(i);
        int added = http.scim(largeOrg, token, "PATCH", path, LoadDriver.addMember(user)).status();
        int removed =
            http.scim(largeOrg, token, "PATCH", path, LoadDriver.removeMember(user)).status();
        if (added / 100 != 2 || removed / 100 != 2) {
          throw new IllegalStateException(
              "warm-up PATCHes of group curve-" + members + ": " + added + ", " + removed);
        }
      }
      stats.add(
          Runner.run(
              patchAddAt(members),
              1,
              spare.size(),
              sizes.maxPerScenario(),
              i ->
                  http.scim(largeOrg, token, "PATCH", path, LoadDriver.addMember(spare.get(i)))
                              .status()
                          / 100
                      == 2));
      stats.add(
          Runner.run(
              patchRemoveAt(members),
              1,
              spare.size(),
              sizes.maxPerScenario(),
              i ->
                  http.scim(largeOrg, token, "PATCH", path, LoadDriver.removeMember(spare.get(i)))
                              .status()
                          / 100
                      == 2));
      if (CpuTable.patchLevels(sizes).contains(members)) {
        // one client adds a spare user, then removes them: the group keeps its size
        stats.add(
            Runner.steady(
                CpuTable.patchAt(members),
                1,
                sizes.cpuWarmup(),
                sizes.cpuWindow(),
                i -> {
                  String user = spare.get(i / 2 % spare.size());
                  String body =
                      i % 2 == 0 ? LoadDriver.addMember(user) : LoadDriver.removeMember(user);
                  return http.scim(largeOrg, token, "PATCH", path, body).status() / 100 == 2;
                }));
      }
    }
    // the organization's first admin is a member too
    int listed =
        http.scim(largeOrg, token, "GET", "/Users?count=0", null).json().getInt("totalResults");
    int pages = (listed + LoadDriver.PAGE - 1) / LoadDriver.PAGE;
    Stat scim =
        Runner.run(
            importOf(total),
            1,
            pages,
            SETUP,
            p -> {
              Reply reply =
                  http.scim(
                      largeOrg,
                      token,
                      "GET",
                      "/Users?startIndex="
                          + (p * LoadDriver.PAGE + 1)
                          + "&count="
                          + LoadDriver.PAGE,
                      null);
              return ok(reply)
                  && reply.json().getJsonArray("Resources").size()
                      == Math.min(LoadDriver.PAGE, listed - p * LoadDriver.PAGE);
            });
    stats.add(scim);
    GeneratorClient.JdbcImport jdbc = generator.jdbcImport(largeOrg);
    double jdbcSeconds = java.util.Arrays.stream(jdbc.pageNanos()).sum() / 1e9;
    stats.add(Runner.of(jdbcImportOf(total), jdbc.pageNanos(), jdbcSeconds, 0, null));
    notes.add(
        String.format(
            Locale.ROOT,
            "Import of %d users: SCIM %.0f users/s (%.1f s), raw JDBC on the server's data source"
                + " %.0f users/s (%.1f s, %d member and membership rows).",
            listed,
            listed / scim.seconds(),
            scim.seconds(),
            listed / jdbcSeconds,
            jdbcSeconds,
            jdbc.rows()));
  }

  private static boolean ok(Reply reply) {
    if (reply.status() != 200) {
      String body = reply.body();
      throw new IllegalStateException(
          reply.status() + " " + body.substring(0, Math.min(300, body.length())));
    }
    return true;
  }
}
