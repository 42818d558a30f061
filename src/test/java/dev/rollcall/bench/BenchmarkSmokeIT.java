package dev.rollcall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.bench.generator.BenchWar;
import java.net.URL;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark harness at tiny sizes against the test server, deployed as the benchmark deploys it
 * (the product WAR plus the in-container data generator), so that it cannot rot: the generator
 * loads users and groups, every operation, every point of the scaling curves and every row of the
 * server-CPU-per-request table runs, none fails, and the report renders with every target. It
 * asserts no timings; those belong to the benchmark ({@code .ci/bench/run}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BenchmarkSmokeIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return BenchWar.archive();
  }

  @ArquillianResource URL base;

  @Test
  void everyScenarioRunsWithoutErrors() throws Exception {
    Report report =
        Benchmark.run(base.toURI(), Sizes.tiny(), Path.of("target", "bench", "smoke-derby"));
    String table = report.render();
    System.out.println(table);
    for (String operation : LoadDriver.Operation.ALL) {
      assertTrue(report.find(operation).isPresent(), operation + " is missing\n" + table);
    }
    for (Stat stat : report.all()) {
      assertTrue(stat.count() > 0, stat.operation() + " never ran\n" + table);
      assertEquals(0, stat.errors(), stat.operation() + " had errors\n" + table);
      String shown =
          CpuTable.isCpuRow(stat)
              ? stat.operation().substring(CpuTable.PREFIX.length())
              : stat.operation();
      assertTrue(table.contains(shown), stat.operation() + " is not in the table\n" + table);
    }
    Sizes sizes = Sizes.tiny();
    for (int level : sizes.lookupLevels()) {
      assertTrue(report.find(ScalingCurves.lookupAt(level)).isPresent(), table);
      assertTrue(report.find(ScalingCurves.floorAt(level)).isPresent(), table);
      assertTrue(
          report.find(ScalingCurves.lookupAt(level) + ScalingCurves.ONE_CLIENT).isPresent(), table);
      assertTrue(
          report.find(ScalingCurves.floorAt(level) + ScalingCurves.ONE_CLIENT).isPresent(), table);
      assertTrue(table.contains("userName eq @ " + level + " users, 1 client: p50"), table);
      assertEquals(
          sizes.lookups(), report.find(ScalingCurves.jdbcLookupAt(level)).orElseThrow().count());
    }
    for (int members : sizes.groupLevels()) {
      assertTrue(report.find(ScalingCurves.patchAddAt(members)).isPresent(), table);
      assertTrue(report.find(ScalingCurves.patchRemoveAt(members)).isPresent(), table);
    }
    Stat jdbcImport = report.find(ScalingCurves.jdbcImportOf(sizes.importUsers())).orElseThrow();
    // 30 users in 100-row pages: one page
    assertEquals(1, jdbcImport.count(), table);
    // PATCH flatness (add, remove), import, heap
    assertEquals(4, table.lines().filter(line -> line.startsWith("Target: ")).count(), table);
    for (String row : CpuTable.rows(sizes)) {
      Stat stat = report.find(row).orElseThrow(() -> new AssertionError(row + " is missing"));
      assertTrue(stat.seconds() > 0 && stat.count() > 0, row + " never ran\n" + table);
      assertTrue(table.contains(row.substring(CpuTable.PREFIX.length())), table);
    }
    // create; PATCH at two group sizes, server CPU and p50 each; userName eq at the most users
    assertEquals(6, table.lines().filter(line -> line.startsWith("CPU target: ")).count(), table);
    assertTrue(table.contains("Floor: "), table);
    assertTrue(table.contains("jdbc insert+commit"), table);
    assertTrue(table.contains("jdbc indexed lookup"), table);
  }
}
