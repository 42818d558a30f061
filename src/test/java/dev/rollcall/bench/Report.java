package dev.rollcall.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run's figures as a table: every SCIM operation with its throughput and latency percentiles,
 * next to the physical limit it is measured against (a JDBC baseline on the same database, or the
 * HTTP-stack floor) and the ratio of the two, and the CPU milliseconds each process (server,
 * database server, driver) spent per operation ({@link CpuMeter}).
 */
public final class Report {
  private final List<Stat> scim;
  private final JdbcBaseline.Result baseline;
  private final Map<String, Stat> limits = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private CpuTable cpu;

  public Report(List<Stat> scim, JdbcBaseline.Result baseline) {
    this.scim = List.copyOf(scim);
    this.baseline = baseline;
    if (baseline != null) {
      limits.put(LoadDriver.Operation.CREATE, baseline.insertCommit());
      limits.put(LoadDriver.Operation.GROUP_ADD, baseline.insertCommit());
      limits.put(LoadDriver.Operation.GROUP_REMOVE, baseline.insertCommit());
      limits.put(LoadDriver.Operation.LOOKUP, baseline.lookup());
      limits.put(LoadDriver.Operation.IMPORT, baseline.page());
      limits.put(LoadDriver.Operation.MIXED, baseline.lookup());
    }
  }

  public List<Stat> scim() {
    return scim;
  }

  public Optional<Stat> find(String operation) {
    return scim.stream().filter(s -> s.operation().equals(operation)).findFirst();
  }

  /** The SCIM figures and then the baseline's. */
  public List<Stat> all() {
    List<Stat> all = new ArrayList<>(scim);
    if (baseline != null) {
      all.addAll(baseline.all());
    }
    return all;
  }

  public Report note(String note) {
    notes.add(note);
    return this;
  }

  /**
   * The targets that still stand, each measured in this run: group PATCH at the largest vs the
   * smallest group, import vs raw JDBC read of the same rows, the heap limit, and the server CPU
   * per request ({@link CpuTable}). The earlier latency ratios against JDBC insert+commit and the
   * floor's p50 are retired (on shared cores they measured the machine); their figures stay in the
   * table.
   */
  public Report targets(Sizes sizes, long heapMaxBytes) {
    cpu = new CpuTable(all(), sizes);
    int smallest = sizes.groupLevels().stream().mapToInt(Integer::intValue).min().orElse(0);
    int largest = sizes.groupLevels().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (boolean add : new boolean[] {true, false}) {
      var big =
          find(add ? ScalingCurves.patchAddAt(largest) : ScalingCurves.patchRemoveAt(largest));
      var little =
          find(add ? ScalingCurves.patchAddAt(smallest) : ScalingCurves.patchRemoveAt(smallest));
      if (big.isPresent() && little.isPresent()) {
        target(
            "PATCH " + (add ? "add" : "remove") + " p50 @ " + largest + " <= 1.2 x @ " + smallest,
            big.get().p50() / little.get().p50(),
            false,
            1.2);
      }
    }
    for (int level : sizes.lookupLevels()) {
      var eq = find(ScalingCurves.lookupAt(level));
      var base = find(ScalingCurves.floorAt(level));
      var jdbc = find(ScalingCurves.jdbcLookupAt(level));
      if (eq.isPresent() && base.isPresent() && jdbc.isPresent()) {
        notes.add(
            String.format(
                Locale.ROOT,
                "userName eq @ %d users: p50 %.2f ms = floor p50 %.2f ms + %.2f ms; the database's"
                    + " own look-up (member row with its emails and role count, raw JDBC in the server) p50 %.2f ms.",
                level,
                eq.get().p50(),
                base.get().p50(),
                eq.get().p50() - base.get().p50(),
                jdbc.get().p50()));
      }
      var alone = find(ScalingCurves.lookupAt(level) + ScalingCurves.ONE_CLIENT);
      var aloneBase = find(ScalingCurves.floorAt(level) + ScalingCurves.ONE_CLIENT);
      if (alone.isPresent() && aloneBase.isPresent() && jdbc.isPresent()) {
        // one request at a time, a look-up costs at least the floor's path and the database's own
        // look-up: their sum over the floor bounds the ratio any server could reach here
        notes.add(
            String.format(
                Locale.ROOT,
                "userName eq @ %d users, 1 client: p50 %.2f ms = floor p50 %.2f ms + %.2f ms"
                    + " (%.2f x the floor); the floor plus the database's own look-up would be"
                    + " %.2f x the floor.",
                level,
                alone.get().p50(),
                aloneBase.get().p50(),
                alone.get().p50() - aloneBase.get().p50(),
                alone.get().p50() / aloneBase.get().p50(),
                (aloneBase.get().p50() + jdbc.get().p50()) / aloneBase.get().p50()));
      }
    }
    int total = Math.max(sizes.importUsers(), largest + sizes.patchPairs());
    var scimImport = find(ScalingCurves.importOf(total));
    var jdbcImport = find(ScalingCurves.jdbcImportOf(total));
    if (scimImport.isPresent() && jdbcImport.isPresent()) {
      target(
          "import of " + total + " users >= 0.5 x raw JDBC read (users/s)",
          jdbcImport.get().seconds() / scimImport.get().seconds(),
          true,
          0.5);
    }
    if (heapMaxBytes > 0) {
      target("server max heap (MiB) <= 256", heapMaxBytes / (1024.0 * 1024.0), false, 256);
    }
    return this;
  }

  private void target(String name, double measured, boolean atLeast, double goal) {
    boolean met = atLeast ? measured >= goal : measured <= goal;
    notes.add(
        String.format(
            Locale.ROOT, "Target: %s: %s, %s", name, ratio(measured), met ? "met" : "MISSED"));
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    String format =
        "| %-38s | %6s | %6s | %9s | %8s | %8s | %8s | %-20s | %9s | %7s | %7s | %7s | %7s | %7s"
            + " |%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "operation",
            "count",
            "errors",
            "ops/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "limit",
            "limit/s",
            "ratio",
            "x floor",
            "cpu srv",
            "cpu db",
            "cpu drv"));
    out.append(
        String.format(Locale.ROOT, format, "", "", "", "", "", "", "", "", "", "", "", "", "", "")
            .replace(' ', '-')
            .replace("|-", "| ")
            .replace("-|", " |"));
    Optional<Stat> floor = find(LoadDriver.Operation.FLOOR);
    for (Stat s : scim) {
      if (CpuTable.isCpuRow(s)) {
        continue;
      }
      Stat limit = limits.get(s.operation());
      out.append(row(format, s, limit, floor.orElse(null)));
    }
    if (baseline != null) {
      for (Stat s : baseline.all()) {
        out.append(row(format, s, null, null));
      }
    }
    for (Stat s : all()) {
      if (s.firstError() != null) {
        out.append(System.lineSeparator())
            .append("First error of ")
            .append(s.operation())
            .append(": ")
            .append(s.firstError());
      }
    }
    for (String note : notes) {
      out.append(System.lineSeparator()).append(note);
    }
    out.append(System.lineSeparator());
    if (cpu != null) {
      out.append(System.lineSeparator()).append(cpu.render());
    }
    return out.toString();
  }

  private static String row(String format, Stat s, Stat limit, Stat floor) {
    boolean isFloor = floor != null && floor.operation().equals(s.operation());
    return String.format(
        Locale.ROOT,
        format,
        s.operation(),
        s.count(),
        s.errors(),
        number(s.perSecond()),
        number(s.p50()),
        number(s.p95()),
        number(s.p99()),
        limit == null ? "" : limit.operation(),
        limit == null ? "" : number(limit.perSecond()),
        limit == null ? "" : ratio(s.perSecond() / limit.perSecond()),
        floor == null || isFloor ? "" : ratio(s.perSecond() / floor.perSecond()),
        cpu(s.cpu().server()),
        cpu(s.cpu().database()),
        cpu(s.cpu().driver()));
  }

  /** CPU milliseconds per operation, blank where not measured. */
  private static String cpu(double millis) {
    return Double.isNaN(millis) ? "" : String.format(Locale.ROOT, "%.3f", millis);
  }

  private static String number(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3g", value);
  }
}
