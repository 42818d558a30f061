package dev.rollcall.bench;

import java.time.Duration;

/**
 * How much work one benchmark run does. Every scenario is bounded twice: by its request count and
 * by {@link #maxPerScenario()}, whichever comes first.
 *
 * @param users users seeded through SCIM /Bulk before the read scenarios
 * @param groupMembers members of the group the PATCH scenario changes (taken from the seeded users)
 * @param creates Okta-style POST /Users in the create burst
 * @param lookups {@code userName eq} lookups of seeded users
 * @param patchPairs PATCH add-one-member followed by PATCH remove-it
 * @param mixed requests of the mixed read/write scenario
 * @param floor GET /ServiceProviderConfig requests (the HTTP-stack floor)
 * @param threads concurrent clients for the concurrent scenarios (and JDBC connections)
 * @param baselineCommits single-row insert+commit transactions the JDBC baseline times
 * @param baselineLookups indexed lookups (and a tenth as many 100-row pages) the baseline times
 */
public record Sizes(
    int users,
    int groupMembers,
    int creates,
    int lookups,
    int patchPairs,
    int mixed,
    int floor,
    int threads,
    int baselineCommits,
    int baselineLookups,
    Duration maxPerScenario) {

  public Sizes {
    if (groupMembers >= users) {
      throw new IllegalArgumentException("the group needs fewer members than there are users");
    }
  }

  /** The smoke run of the test suite: a few requests of each kind. */
  public static Sizes tiny() {
    return new Sizes(20, 10, 5, 10, 3, 10, 10, 2, 20, 100, Duration.ofSeconds(20));
  }

  /** A few minutes on a laptop: the default of {@code .ci/bench/run}. */
  public static Sizes small() {
    return new Sizes(
        2_000, 500, 500, 2_000, 200, 2_000, 2_000, 4, 500, 20_000, Duration.ofSeconds(60));
  }

  /** 100k users, a 10k-member group: the import size (not yet run end to end). */
  public static Sizes large() {
    return new Sizes(
        100_000,
        10_000,
        5_000,
        20_000,
        1_000,
        20_000,
        20_000,
        4,
        5_000,
        100_000,
        Duration.ofSeconds(300));
  }

  public static Sizes named(String name) {
    return switch (name) {
      case "tiny" -> tiny();
      case "small" -> small();
      case "large" -> large();
      default -> throw new IllegalArgumentException("size is tiny, small or large, not " + name);
    };
  }
}
