package dev.rollcall.scim;

import dev.rollcall.web.metrics.RequestMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The SCIM application's request metrics: every request is {@code api="scim"}. */
@Provider
@PreMatching
@Priority(0)
@ApplicationScoped
public class ScimMetrics extends RequestMetrics {
  @Inject
  public ScimMetrics(MetricRegistry registry) {
    super(registry, ScimApplication.class.getAnnotation(ApplicationPath.class).value());
  }

  public ScimMetrics() {
    super(null, "/");
  }

  @Override
  protected String apiOf(Class<?> resourceClass) {
    return "scim";
  }
}
