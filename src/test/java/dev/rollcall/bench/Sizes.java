package dev.rollcall.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much work one benchmark run does. Every timed scenario is bounded twice: by its request count
 * and by {@link #maxPerScenario()}, whichever comes first.
 *
 * @param users users the in-container generator loads before the main scenarios
 * @param groupMembers members of the group the main PATCH scenario changes (from those users)
 * @param bulkRequests SCIM /Bulk requests of up to 1,000 user creations each
 * @param creates Okta-style POST /Users in the create burst
 * @param lookups {@code userName eq} lookups of loaded users (per level of the curve, too)
 * @param patchPairs PATCH add-one-member followed by PATCH remove-it (per group size, too)
 * @param mixed requests of the mixed read/write scenario
 * @param floor GET /ServiceProviderConfig requests (the HTTP-stack floor; per level, too)
 * @param warmup untimed requests of each cheap kind and creates (in an organization of their own)
 *     before the timed scenarios; a tenth as many pages, a fifth as many group changes
 * @param threads concurrent clients for the concurrent scenarios (and JDBC connections)
 * @param baselineCommits single-row insert+commit transactions the JDBC baseline times
 * @param baselineLookups indexed lookups (and a tenth as many 100-row pages) the baseline times
 * @param curveOrgs organizations the {@code userName eq} curve spreads its users over
 * @param lookupLevels total users at which the {@code userName eq} curve is measured
 * @param groupLevels group sizes at which the PATCH curve is measured
 * @param importUsers users of the organization the import curve reads in full
 * @param maxPerScenario the longest a count-bounded scenario runs
 * @param cpuWarmup how long each server-CPU-per-request scenario runs untimed first
 * @param cpuWindow the steady window over which each of them is timed and its CPU read
 */
public record Sizes(
    int users,
    int groupMembers,
    int bulkRequests,
    int creates,
    int lookups,
    int patchPairs,
    int mixed,
    int floor,
    int warmup,
    int threads,
    int baselineCommits,
    int baselineLookups,
    int curveOrgs,
    List<Integer> lookupLevels,
    List<Integer> groupLevels,
    int importUsers,
    Duration maxPerScenario,
    Duration cpuWarmup,
    Duration cpuWindow) {

  public Sizes {
    if (groupMembers >= users) {
      throw new IllegalArgumentException("the group needs fewer members than there are users");
    }
    lookupLevels = List.copyOf(lookupLevels);
    groupLevels = List.copyOf(groupLevels);
    for (int level : lookupLevels) {
      if (level % curveOrgs != 0 || level == 0) {
        throw new IllegalArgumentException(level + " users do not spread evenly over the orgs");
      }
    }
  }

  /** The smoke run of the test suite: a few requests of each kind. */
  public static Sizes tiny() {
    return new Sizes(
        20,
        10,
        1,
        5,
        10,
        3,
        10,
        10,
        3,
        2,
        20,
        100,
        2,
        List.of(20, 40),
        List.of(2, 10),
        30,
        Duration.ofSeconds(20),
        Duration.ofMillis(200),
        Duration.ofMillis(500));
  }

  /** A few minutes: the default of {@code .ci/bench/run}. */
  public static Sizes small() {
    return new Sizes(
        2_000,
        500,
        2,
        // a burst of a few seconds: over 500 creates (1.3 s), the server's CPU per create was 2.6
        // ms, against 1.0 ms in a steady stream of creates
        2_000,
        2_000,
        200,
        2_000,
        2_000,
        5_000,
        4,
        500,
        20_000,
        10,
        List.of(1_000, 10_000),
        List.of(10, 1_000),
        10_000,
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /**
   * The server-CPU-per-request table in a few minutes, for profiling a change ({@code BENCH_JFR}):
   * its steady windows as at {@code small}, {@code userName eq} at 10,000 users, a little of every
   * other scenario.
   */
  public static Sizes cpu() {
    return new Sizes(
        2_000,
        500,
        1,
        200,
        500,
        100,
        500,
        500,
        3_000,
        4,
        200,
        2_000,
        10,
        List.of(10_000),
        List.of(10, 1_000),
        2_000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /**
   * The sizes: {@code userName eq} at 10k, 100k and 1M users over 1,000 organizations,
   * group PATCH at 10, 1k, 10k and 100k members, an import of 100k users.
   */
  public static Sizes large() {
    return new Sizes(
        10_000,
        1_000,
        5,
        10_000,
        10_000,
        // a PATCH's p50 is 2-5 ms: 200 samples per level moved by about 20% between runs
        1_000,
        10_000,
        10_000,
        10_000,
        4,
        2_000,
        100_000,
        1_000,
        List.of(10_000, 100_000, 1_000_000),
        List.of(10, 1_000, 10_000, 100_000),
        100_000,
        Duration.ofSeconds(120),
        // the window is at least 10 s after warm-up; a fresh server spends two to four
        // times its steady CPU over its first tens of thousands of requests
        Duration.ofSeconds(10),
        Duration.ofSeconds(15));
  }

  public static Sizes named(String name) {
    return switch (name) {
      case "tiny" -> tiny();
      case "small" -> small();
      case "cpu" -> cpu();
      case "large" -> large();
      default ->
          throw new IllegalArgumentException("size is tiny, small, cpu or large, not " + name);
    };
  }
}
