package dev.rollcall.bench;

import dev.rollcall.bench.generator.BenchWar;
import dev.rollcall.it.Http;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code mvn -Pbenchmark exec:java} (and {@code .ci/bench/run}): the JDBC baseline,
 * then the load driver against a running server, then the report.
 *
 * <p>With the arguments {@code write-war <file>} it only writes the benchmark's WAR (the product
 * WAR plus the in-container data generator, {@link BenchWar}) to that file. System properties:
 * {@code bench.url} (the server's base URL, required), {@code bench.size} ({@code tiny}, {@code
 * small} (default) or {@code large}), {@code bench.pid} (the server's process id, for its resident
 * memory after the run and its CPU per operation), {@code bench.dbpid} (the database server's
 * process id, when it runs on this machine, for its CPU per operation), {@code bench.report} (a
 * file to write the table to). The operator token comes from {@code ROLLCALL_OPERATOR_TOKEN}; the
 * baseline's database from the server's own {@code DB_KIND}, {@code DB_HOST}, ... variables.
 */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("write-war")) {
      BenchWar.write(Path.of(args[1]));
      return;
    }
    String url = System.getProperty("bench.url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("-Dbench.url=http://127.0.0.1:<port> is required");
    }
    URI base = URI.create(url);
    if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only talks to loopback, not " + url);
    }
    String operatorToken = System.getenv("ROLLCALL_OPERATOR_TOKEN");
    if (operatorToken != null && !operatorToken.isBlank()) {
      System.setProperty("rollcall.test.operator-token", operatorToken);
    }
    Sizes sizes = Sizes.named(System.getProperty("bench.size", "small"));
    Report report = run(base, sizes, Path.of("target", "bench", "baseline-derby"));
    String pid = System.getProperty("bench.pid", "");
    report.note(
        pid.isBlank()
            ? "Server memory: not measured (no -Dbench.pid)."
            : "Server memory after the run (/proc/" + pid + "/status): " + residentMemory(pid));
    String table = report.render();
    System.out.println(table);
    String file = System.getProperty("bench.report", "");
    if (!file.isBlank()) {
      Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
      Files.writeString(Path.of(file), table);
    }
  }

  /** The baseline and the SCIM scenarios at these sizes, against the server at {@code base}. */
  public static Report run(URI base, Sizes sizes, Path derbyDirectory) throws Exception {
    // Embedded Derby's log goes next to its database, not into the working directory.
    if (System.getProperty("derby.stream.error.file") == null) {
      Files.createDirectories(derbyDirectory.toAbsolutePath().getParent());
      System.setProperty(
          "derby.stream.error.file",
          derbyDirectory.toAbsolutePath().getParent().resolve("derby.log").toString());
    }
    JdbcBaseline.Target target = JdbcBaseline.Target.fromEnvironment(derbyDirectory);
    JdbcBaseline jdbc = new JdbcBaseline(target, sizes);
    String databaseSettings = jdbc.databaseSettings();
    JdbcBaseline.Result baseline = jdbc.measure();
    Http http = new Http(base);
    List<Stat> scim = new ArrayList<>(new LoadDriver(http, sizes).run());
    ScalingCurves curves = new ScalingCurves(http, sizes);
    curves.run();
    scim.addAll(curves.stats());
    Report report = new Report(scim, baseline);
    curves.notes().forEach(report::note);
    report.targets(sizes, curves.heapMax());
    report
        .find(LoadDriver.Operation.BULK)
        .ifPresent(
            bulk -> {
              double users = sizes.users() / bulk.seconds();
              report.note(
                  String.format(
                      java.util.Locale.ROOT,
                      "Seeding through /Bulk: %.0f users/s (%.2f x jdbc insert+commit).",
                      users,
                      users / baseline.insertCommit().perSecond()));
            });
    return report
        .note("Sizes: " + sizes)
        .note(
            "Baseline database: "
                + target.describe()
                + (databaseSettings.isEmpty() ? "" : "; " + databaseSettings));
  }

  private static String residentMemory(String pid) {
    try {
      return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
          .filter(line -> line.startsWith("VmRSS") || line.startsWith("VmHWM"))
          .map(line -> line.replaceAll("\\s+", " "))
          .reduce((a, b) -> a + ", " + b)
          .orElse("no VmRSS line");
    } catch (Exception e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }
}
