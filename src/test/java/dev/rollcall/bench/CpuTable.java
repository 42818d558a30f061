package dev.rollcall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Server CPU per request: what the server process itself spends (user+system time over a steady
 * window after warm-up, {@link Runner#steady}), next to the database server's, for the issue's
 * scenarios. Sharing the cores with the driver and the database barely changes these, where it adds
 * up all three processes in a latency. The rows are {@link Stat}s whose operation starts with
 * {@link #PREFIX}; the main table leaves them out.
 */
final class CpuTable {
  static final String PREFIX = "cpu: ";

  /** Creates go in with eight clients, as an identity provider's first push does. */
  static final int CREATE_CLIENTS = 8;

  static final String FLOOR = PREFIX + "GET /ServiceProviderConfig (floor), 1 client";
  static final String CREATE = PREFIX + "POST /Users, " + CREATE_CLIENTS + " clients";
  static final String GET = PREFIX + "GET /Users/{id}, 1 client";
  static final String PAGE = PREFIX + "GET /Users count=100 page, 1 client";

  static String lookupAt(int users) {
    return PREFIX + "GET /Users userName eq @ " + users + " users, 1 client";
  }

  static String floorAt(int users) {
    return PREFIX + "floor @ " + users + " users, 1 client";
  }

  static String patchAt(int members) {
    return PREFIX + "PATCH one member @ " + members + " members, 1 client";
  }

  static boolean isCpuRow(Stat stat) {
    return stat.operation().startsWith(PREFIX);
  }

  /** Every row the sizes produce, in the order they are printed. */
  static List<String> rows(Sizes sizes) {
    int most = most(sizes.lookupLevels());
    List<String> rows = new ArrayList<>(List.of(FLOOR, CREATE, GET, PAGE));
    rows.add(floorAt(most));
    rows.add(lookupAt(most));
    patchLevels(sizes).forEach(members -> rows.add(patchAt(members)));
    return rows;
  }

  /** The PATCH scenario runs on the smallest and the largest group. */
  static List<Integer> patchLevels(Sizes sizes) {
    int least = sizes.groupLevels().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int most = most(sizes.groupLevels());
    return least == most ? List.of(least) : List.of(least, most);
  }

  private static int most(List<Integer> levels) {
    return levels.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  private final List<Stat> stats;
  private final Optional<Stat> commitAlone;
  private final Sizes sizes;
  private final List<String> targets = new ArrayList<>();

  CpuTable(List<Stat> all, Sizes sizes) {
    this.stats = all.stream().filter(CpuTable::isCpuRow).toList();
    this.commitAlone =
        all.stream()
            .filter(s -> s.operation().equals(JdbcBaseline.INSERT_COMMIT_ALONE))
            .findFirst();
    this.sizes = sizes;
    targets();
  }

  private Optional<Stat> find(String operation) {
    return stats.stream().filter(s -> s.operation().equals(operation)).findFirst();
  }

  /**
   * The targets (set for MariaDB; on embedded Derby the database's CPU is the server's):
   * create and one-member PATCH in server CPU, PATCH's one-client p50 against the floor's, {@code
   * userName eq} at the most users against the floor's server CPU at the same moment.
   */
  private void targets() {
    find(FLOOR)
        .ifPresent(
            floor ->
                targets.add(
                    String.format(
                        Locale.ROOT,
                        "Floor: %.3f ms server CPU per request, p50 %.2f ms (reported, no target).",
                        floor.cpu().server(),
                        floor.p50())));
    find(CREATE).ifPresent(create -> atMost("create: server CPU ms", create.cpu().server(), 0.8));
    for (int members : patchLevels(sizes)) {
      find(patchAt(members))
          .ifPresent(
              patch -> {
                atMost(
                    "PATCH one member @ " + members + " members: server CPU ms",
                    patch.cpu().server(),
                    0.6);
                find(FLOOR)
                    .ifPresent(
                        floor -> {
                          atMost(
                              "PATCH one member @ " + members + " members: p50 / floor p50",
                              patch.p50() / floor.p50(),
                              1.5);
                          // a durable write answers no sooner than the floor plus one commit
                          commitAlone.ifPresent(
                              commit ->
                                  targets.add(
                                      String.format(
                                          Locale.ROOT,
                                          "  (the floor plus one insert+commit on one connection,"
                                              + " p50 %.2f ms, would be %.2f x the floor)",
                                          commit.p50(),
                                          (floor.p50() + commit.p50()) / floor.p50())));
                        });
              });
    }
    int most = most(sizes.lookupLevels());
    Optional<Stat> lookup = find(lookupAt(most));
    Optional<Stat> floor = find(floorAt(most));
    if (lookup.isPresent() && floor.isPresent()) {
      atMost(
          "userName eq @ " + most + " users: server CPU / floor's server CPU",
          lookup.get().cpu().server() / floor.get().cpu().server(),
          1.3);
    }
  }

  private void atMost(String name, double measured, double goal) {
    targets.add(
        String.format(
            Locale.ROOT,
            "CPU target: %s = %.3f <= %s: %s",
            name,
            measured,
            goal,
            measured <= goal ? "met" : "MISSED"));
  }

  List<String> targetLines() {
    return targets;
  }

  String render() {
    String format = "| %-58s | %8s | %6s | %7s | %8s | %10s | %9s | %10s |%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "server CPU per request (steady window)",
            "requests",
            "errors",
            "req/s",
            "p50 ms",
            "server ms",
            "db ms",
            "driver ms"));
    out.append(
        String.format(Locale.ROOT, format, "", "", "", "", "", "", "", "")
            .replace(' ', '-')
            .replace("|-", "| ")
            .replace("-|", " |"));
    Function<Double, String> cpu =
        millis -> Double.isNaN(millis) ? "" : String.format(Locale.ROOT, "%.3f", millis);
    for (String row : rows(sizes)) {
      find(row)
          .ifPresent(
              s ->
                  out.append(
                      String.format(
                          Locale.ROOT,
                          format,
                          s.operation().substring(PREFIX.length()),
                          s.count(),
                          s.errors(),
                          String.format(Locale.ROOT, "%.0f", s.perSecond()),
                          String.format(Locale.ROOT, "%.2f", s.p50()),
                          cpu.apply(s.cpu().server()),
                          cpu.apply(s.cpu().database()),
                          cpu.apply(s.cpu().driver()))));
    }
    targets.forEach(line -> out.append(line).append(System.lineSeparator()));
    return out.toString();
  }
}
