package dev.rollcall.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time spent by the three processes that share the machine during a scenario: the server
 * ({@code bench.pid}), the database server ({@code bench.dbpid}; embedded Derby runs inside the
 * server) and this driver itself. On a machine whose cores all three share, a request's latency
 * under load is about its CPU in all three divided by the cores, so these say what a figure is made
 * of. Linux only ({@code /proc/<pid>/stat}, in clock ticks of 10 ms); an unknown process reads as
 * not measured.
 */
final class CpuMeter {
  /** CPU milliseconds per operation in each process; NaN where not measured. */
  record PerOp(double server, double database, double driver) {
    static final PerOp NONE = new PerOp(Double.NaN, Double.NaN, Double.NaN);
  }

  /** Cumulative CPU milliseconds of each process at one instant; -1 where not measured. */
  record Reading(long server, long database, long driver) {
    PerOp perOpSince(Reading before, int operations) {
      if (operations <= 0) {
        return PerOp.NONE;
      }
      return new PerOp(
          delta(before.server, server, operations),
          delta(before.database, database, operations),
          delta(before.driver, driver, operations));
    }

    private static double delta(long before, long after, int operations) {
      return before < 0 || after < 0 ? Double.NaN : (after - before) / (double) operations;
    }
  }

  /** Milliseconds per clock tick of {@code /proc/<pid>/stat} (USER_HZ is 100 on Linux). */
  private static final long TICK_MILLIS = 10;

  private static final long QUIET_WINDOW_MILLIS = 500;

  private static final CpuMeter SYSTEM =
      new CpuMeter(System.getProperty("bench.pid", ""), System.getProperty("bench.dbpid", ""));

  private final String serverPid;
  private final String databasePid;

  CpuMeter(String serverPid, String databasePid) {
    this.serverPid = serverPid;
    this.databasePid = databasePid;
  }

  /** The meter of the processes the system properties name. */
  static CpuMeter system() {
    return SYSTEM;
  }

  /**
   * Waits until the server and the database have both been idle for a second: under a twentieth of
   * a core in each of two half-second windows. A bulk load leaves them flushing pages (Derby's
   * checkpoint runs inside the server) and compiling for a while after it returns, which would
   * otherwise be counted against whatever is timed next. Returns at once when neither process is
   * measured, and gives up after {@code limit}.
   */
  Duration awaitQuiet(Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    if (processMillis(serverPid) < 0 && processMillis(databasePid) < 0) {
      return Duration.ZERO;
    }
    int quietWindows = 0;
    long before = busyMillis();
    while (quietWindows < 2 && System.nanoTime() - start < limit.toNanos()) {
      Thread.sleep(QUIET_WINDOW_MILLIS);
      long now = busyMillis();
      quietWindows = now - before <= QUIET_WINDOW_MILLIS / 20 ? quietWindows + 1 : 0;
      before = now;
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private long busyMillis() {
    return Math.max(0, processMillis(serverPid)) + Math.max(0, processMillis(databasePid));
  }

  Reading read() {
    return new Reading(processMillis(serverPid), processMillis(databasePid), driverMillis());
  }

  /** User plus system CPU of a process, or -1 when it is not given or cannot be read. */
  static long processMillis(String pid) {
    if (pid == null || pid.isBlank()) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", pid.strip(), "stat"));
      // the fields after the command name, which is in parentheses and may hold spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long driverMillis() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? -1 : nanos / 1_000_000;
    }
    return -1;
  }
}
