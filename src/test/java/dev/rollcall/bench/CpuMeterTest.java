package dev.rollcall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuMeterTest {
  @Test
  void readsAProcessCpuFromProcAndGrowsWithWork() {
    // spins until this thread has had 200 ms of CPU, however busy the machine is, so the process's
    // reading must have grown by that much (less one 10 ms clock tick at each end)
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = CpuMeter.processMillis("self");
    long sink = 0;
    long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
    while (threads.getCurrentThreadCpuTime() < until) {
      sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
    }
    long after = CpuMeter.processMillis("self");
    assertTrue(before >= 0, "read /proc/self/stat");
    assertTrue(
        after - before >= 180, "200 ms of thread CPU shows (" + (after - before) + " ms)" + sink);
  }

  @Test
  void aProcessNotGivenOrGoneIsNotMeasured() {
    assertEquals(-1, CpuMeter.processMillis(""));
    assertEquals(-1, CpuMeter.processMillis("999999999"));
    CpuMeter.PerOp perOp =
        new CpuMeter.Reading(1_000, -1, 50).perOpSince(new CpuMeter.Reading(400, -1, 10), 200);
    assertEquals(3.0, perOp.server());
    assertTrue(Double.isNaN(perOp.database()));
    assertEquals(0.2, perOp.driver());
  }

  @Test
  void waitsForNothingWhenNoProcessIsMeasured() throws InterruptedException {
    assertEquals(Duration.ZERO, new CpuMeter("", "").awaitQuiet(Duration.ofMinutes(1)));
  }

  @Test
  void waitsUntilABusyProcessHasBeenIdleForASecond() throws Exception {
    CpuMeter self = new CpuMeter(String.valueOf(ProcessHandle.current().pid()), "");
    Thread busy =
        new Thread(
            () -> {
              long sink = 0;
              long until = System.nanoTime() + 1_500_000_000L;
              while (System.nanoTime() < until) {
                sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
              }
              if (sink == 42) {
                System.out.println(sink);
              }
            });
    long start = System.nanoTime();
    busy.start();
    Duration waited = self.awaitQuiet(Duration.ofSeconds(30));
    busy.join();

    assertTrue(
        System.nanoTime() - start >= 1_500_000_000L + 1_000_000_000L,
        "returned only after the work and a quiet second: " + waited);
    assertTrue(waited.compareTo(Duration.ofSeconds(30)) < 0, "went quiet: " + waited);
  }

  @Test
  void givesUpAtTheLimit() throws Exception {
    CpuMeter self = new CpuMeter(String.valueOf(ProcessHandle.current().pid()), "");
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread busy =
        new Thread(
            () -> {
              long sink = 0;
              while (!stop.get()) {
                sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
              }
              if (sink == 42) {
                System.out.println(sink);
              }
            });
    busy.start();
    try {
      Duration waited = self.awaitQuiet(Duration.ofSeconds(2));
      assertTrue(
          waited.compareTo(Duration.ofSeconds(2)) >= 0
              && waited.compareTo(Duration.ofSeconds(10)) < 0,
          "stopped waiting at the limit: " + waited);
    } finally {
      stop.set(true);
      busy.join();
    }
  }
}
