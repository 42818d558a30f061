package dev.rollcall.api;

import dev.rollcall.web.metrics.RequestMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The operator and statement APIs' request metrics: {@code api="statements"} for the statement
 * endpoint, {@code api="operator"} for the rest (and for paths nothing matched).
 */
@Provider
@PreMatching
@Priority(0)
@ApplicationScoped
public class ApiMetrics extends RequestMetrics {
  @Inject
  public ApiMetrics(MetricRegistry registry) {
    super(registry, ApiApplication.class.getAnnotation(ApplicationPath.class).value());
  }

  public ApiMetrics() {
    super(null, "/");
  }

  @Override
  protected String apiOf(Class<?> resourceClass) {
    return resourceClass != null && StatementResource.class.isAssignableFrom(resourceClass)
        ? "statements"
        : "operator";
  }
}
