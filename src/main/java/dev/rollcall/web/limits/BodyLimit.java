package dev.rollcall.web.limits;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Limits every request body while it is read: a stated {@code Content-Length} over the limit is
 * refused before reading, and the body is read through a {@link BoundedInputStream} that stops one
 * byte past the limit (chunked bodies state no length). Both raise {@link BodyTooLargeException},
 * which each application's exception mapper answers with 413 in its own error format. Runs after
 * authentication: an unknown client gets 401 whatever it sends.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class BodyLimit implements ContainerRequestFilter {
  private final RequestLimits limits;

  // a proxy for the current request's resource method
  @Context private ResourceInfo resource;

  @Inject
  public BodyLimit(RequestLimits limits) {
    this.limits = limits;
  }

  public BodyLimit() {
    this(null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = bulk() ? limits.bulkBodySize() : limits.bodySize();
    if (request.getLength() > limit) {
      throw new BodyTooLargeException(limit);
    }
    InputStream body = request.getEntityStream();
    if (body != null) {
      request.setEntityStream(new BoundedInputStream(body, limit));
    }
  }

  private boolean bulk() {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null
        && (method.isAnnotationPresent(BulkPayload.class)
            || method.getDeclaringClass().isAnnotationPresent(BulkPayload.class));
  }
}
