package dev.rollcall.api;

import dev.rollcall.web.SchemaGate;
import dev.rollcall.web.limits.BodyLimit;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The operator and statement APIs. Errors here leave as the statement API's JSON message; the SCIM
 * surface is a separate application with its own error format.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        OrganizationResource.class,
        SetupLinkResource.class,
        StatementResource.class,
        SchemaGate.class,
        OperatorAuthentication.class,
        MemberAuthentication.class,
        ErrorRequestId.class,
        BodyLimit.class,
        ApiExceptionMapper.class,
        WebExceptionMapper.class,
        ApiMetrics.class);
  }
}
