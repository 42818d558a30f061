package dev.rollcall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuMeterTest {
  @Test
  void readsAProcessCpuFromProcAndGrowsWithWork() {
    long before = CpuMeter.processMillis("self");
    long sink = 0;
    long until = System.nanoTime() + 200_000_000L;
    while (System.nanoTime() < until) {
      sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
    }
    long after = CpuMeter.processMillis("self");
    assertTrue(before >= 0, "read /proc/self/stat");
    assertTrue(
        after - before >= 100, "200 ms of busy work shows (" + (after - before) + " ms)" + sink);
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
}
