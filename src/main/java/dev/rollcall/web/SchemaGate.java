package dev.rollcall.web;

import dev.rollcall.application.SchemaState;
import dev.rollcall.domain.TransientFailureException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers every request 503 with {@code Retry-After}, in its API's own error format, until the
 * schema is migrated, before authentication reads any table. Readiness keeps load balancers away
 * meanwhile; this covers the requests that reach the server anyway.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class SchemaGate implements ContainerRequestFilter {
  private final SchemaState schema;

  @Inject
  public SchemaGate(SchemaState schema) {
    this.schema = schema;
  }

  public SchemaGate() {
    this(null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!schema.migrated()) {
      throw new TransientFailureException(
          "The database schema is not up to date yet; nothing was changed", null);
    }
  }
}
