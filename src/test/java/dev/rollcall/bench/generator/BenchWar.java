package dev.rollcall.bench.generator;

import dev.rollcall.it.Deployments;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the benchmark deploys: the product WAR Maven built, plus the data generator under {@code
 * /bench}. The product WAR itself never contains it.
 */
public final class BenchWar {
  private BenchWar() {}

  public static WebArchive archive() {
    // the benchmark measures the server, from one token per organization as fast as it can: the
    // per-token rate limits (README "Limits") would measure themselves instead
    return Deployments.withConfig(
        Deployments.application().addPackage(BenchWar.class.getPackage()),
        """
        rollcall.limits.scim-rate=1000000
        rollcall.limits.scim-burst=1000000
        rollcall.limits.api-rate=1000000
        rollcall.limits.api-burst=1000000
        """);
  }

  /** Writes the benchmark WAR to {@code file} ({@code .ci/bench/run} deploys it). */
  public static void write(Path file) {
    archive().as(ZipExporter.class).exportTo(file.toFile(), true);
  }
}
