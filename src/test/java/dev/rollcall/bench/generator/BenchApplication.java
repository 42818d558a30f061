package dev.rollcall.bench.generator;

import dev.rollcall.api.OperatorAuthentication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The benchmark WAR's extra JAX-RS application, {@code /bench}: operator-only. */
@ApplicationPath("/bench")
public class BenchApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(GeneratorResource.class, OperatorAuthentication.class);
  }
}
