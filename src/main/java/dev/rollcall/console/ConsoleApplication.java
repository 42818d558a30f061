package dev.rollcall.console;

import dev.rollcall.api.ApiExceptionMapper;
import dev.rollcall.api.ErrorRequestId;
import dev.rollcall.api.WebExceptionMapper;
import dev.rollcall.web.SchemaGate;
import dev.rollcall.web.limits.BodyLimit;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The console's JSON endpoints, for its own pages only (a session cookie, a CSRF token); errors
 * leave in the statement API's JSON format.
 */
@ApplicationPath("/console/api")
public class ConsoleApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        SessionResource.class,
        ConsoleStatementResource.class,
        MemberListResource.class,
        IntegrationWizardResource.class,
        SchemaGate.class,
        ConsoleAuthentication.class,
        ErrorRequestId.class,
        BodyLimit.class,
        ApiExceptionMapper.class,
        WebExceptionMapper.class);
  }
}
