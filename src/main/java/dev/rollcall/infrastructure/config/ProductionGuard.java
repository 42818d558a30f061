package dev.rollcall.infrastructure.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start the application when {@link ProductionProfile} finds a problem: the deployment
 * fails before any bean (the schema migration included) runs, the log names every problem, and the
 * server answers nothing but 404 and a DOWN readiness. A CDI extension, so that it runs first.
 */
public class ProductionGuard implements Extension {
  private static final Logger LOG = Logger.getLogger(ProductionGuard.class.getName());

  void check(@Observes AfterDeploymentValidation validation) {
    Config config = ConfigProvider.getConfig(getClass().getClassLoader());
    List<String> problems =
        ProductionProfile.problems(key -> config.getOptionalValue(key, String.class));
    if (problems.isEmpty()) {
      return;
    }
    String message = "Rollcall refuses to start: " + String.join("; ", problems);
    LOG.severe(message);
    validation.addDeploymentProblem(new IllegalStateException(message));
  }
}
