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
    return Deployments.application().addPackage(BenchWar.class.getPackage());
  }

  /** Writes the benchmark WAR to {@code file} ({@code .ci/bench/run} deploys it). */
  public static void write(Path file) {
    archive().as(ZipExporter.class).exportTo(file.toFile(), true);
  }
}
