package dev.rollcall.web.metrics;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Times every request of one JAX-RS application by {@code api}, {@code operation} (the HTTP method
 * and the route template, {@code POST /scim/v2/{orgId}/Users}: never a raw path, so no organization
 * or user id becomes a label) and {@code status} class, and counts the API's 401s (authentication
 * failures) and 429s (rate-limit rejections). Each protocol registers a subclass naming its APIs;
 * the subclass carries {@code @PreMatching @Priority(0)} itself (JAX-RS reads them off the
 * registered class), so that the clock starts before authentication can refuse the request.
 *
 * <p>Cheap on the hot path: a route's label and metrics are worked out once per resource method; a
 * request costs two clock reads, two map look-ups and the metric updates.
 */
public abstract class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String REQUESTS = "rollcall.requests";
  public static final String AUTHENTICATION_FAILURES = "rollcall.authentication.failures";
  public static final String RATE_LIMITED = "rollcall.rate_limited";

  /** The operation of a request no resource method matched (a 404 or 405). */
  static final String UNMATCHED = "unmatched";

  private static final String STARTED = RequestMetrics.class.getName() + ".started";

  private static final Metadata REQUESTS_METADATA =
      Metadata.builder()
          .withName(REQUESTS)
          .withDescription("Requests by API, operation (route template) and status class")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata AUTHENTICATION_FAILURES_METADATA =
      Metadata.builder()
          .withName(AUTHENTICATION_FAILURES)
          .withDescription("Requests refused with 401: no bearer token, or one not valid here")
          .build();
  private static final Metadata RATE_LIMITED_METADATA =
      Metadata.builder()
          .withName(RATE_LIMITED)
          .withDescription(
              "Requests refused with 429: a token over its rate, or a client over its"
                  + " failed-authentication budget")
          .build();

  private final MetricRegistry registry;
  private final String basePath;
  private final ConcurrentMap<Class<?>, ConcurrentMap<Method, Route>> routes =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Api> apis = new ConcurrentHashMap<>();
  private volatile Route unmatched;

  // a proxy for the current request's resource method
  @Context private ResourceInfo resource;

  /**
   * @param registry the application's metric registry
   * @param basePath the application's path ({@code /scim/v2})
   */
  protected RequestMetrics(MetricRegistry registry, String basePath) {
    this.registry = registry;
    this.basePath = basePath.startsWith("/") ? basePath : "/" + basePath;
  }

  /**
   * The API a resource class belongs to ({@code scim}, {@code statements}, {@code operator}); for
   * {@code null}, the API of requests no resource matched.
   */
  protected abstract String apiOf(Class<?> resourceClass);

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    long elapsed = System.nanoTime() - started;
    Method method = resource.getResourceMethod();
    Class<?> resourceClass = resource.getResourceClass();
    Route route =
        method == null || resourceClass == null ? unmatched() : route(resourceClass, method);
    route.record(response.getStatus(), elapsed);
  }

  private Route route(Class<?> resourceClass, Method method) {
    // plain reads first: computeIfAbsent may lock a bin even when the key is there
    ConcurrentMap<Method, Route> byMethod = routes.get(resourceClass);
    if (byMethod == null) {
      byMethod = routes.computeIfAbsent(resourceClass, c -> new ConcurrentHashMap<>());
    }
    Route route = byMethod.get(method);
    if (route == null) {
      route =
          byMethod.computeIfAbsent(
              method, m -> new Route(api(resourceClass), operation(resourceClass, m)));
    }
    return route;
  }

  private Route unmatched() {
    Route route = unmatched;
    if (route == null) {
      route = new Route(api(null), UNMATCHED);
      unmatched = route;
    }
    return route;
  }

  private Api api(Class<?> resourceClass) {
    return apis.computeIfAbsent(apiOf(resourceClass), Api::new);
  }

  /** {@code POST /scim/v2/{orgId}/Users/{id}}: the HTTP method and the route template. */
  private String operation(Class<?> resourceClass, Method method) {
    StringBuilder template = new StringBuilder(basePath);
    for (Class<?> c = resourceClass; c != null; c = c.getSuperclass()) {
      // past a container's proxy subclass to the class that declares the path
      Path path = c.getAnnotation(Path.class);
      if (path != null) {
        append(template, path.value());
        break;
      }
    }
    Path methodPath = method.getAnnotation(Path.class);
    if (methodPath != null) {
      append(template, methodPath.value());
    }
    return httpMethod(method) + " " + template;
  }

  private static void append(StringBuilder template, String segment) {
    String trimmed = segment.replaceAll("^/+|/+$", "");
    if (!trimmed.isEmpty()) {
      template.append('/').append(trimmed);
    }
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return "ANY";
  }

  /** One API's refusal counters. */
  private final class Api {
    private final String name;
    private final Counter authenticationFailures;
    private final Counter rateLimited;

    Api(String name) {
      this.name = name;
      Tag tag = new Tag("api", name);
      this.authenticationFailures = registry.counter(AUTHENTICATION_FAILURES_METADATA, tag);
      this.rateLimited = registry.counter(RATE_LIMITED_METADATA, tag);
    }
  }

  /** One route's timers, one per status class, made when the class is first seen. */
  private final class Route {
    private final Api api;
    private final String operation;
    private final AtomicReferenceArray<Timer> byStatusClass = new AtomicReferenceArray<>(6);

    Route(Api api, String operation) {
      this.api = api;
      this.operation = operation;
    }

    void record(int status, long nanos) {
      int statusClass = status / 100;
      if (statusClass < 1 || statusClass > 5) {
        statusClass = 5;
      }
      Timer timer = byStatusClass.get(statusClass);
      if (timer == null) {
        // the registry hands out one timer per name and tags, so a race makes no second one
        timer =
            registry.timer(
                REQUESTS_METADATA,
                new Tag("api", api.name),
                new Tag("operation", operation),
                new Tag("status", statusClass + "xx"));
        byStatusClass.set(statusClass, timer);
      }
      timer.update(Duration.ofNanos(nanos));
      if (status == 401) {
        api.authenticationFailures.inc();
      } else if (status == 429) {
        api.rateLimited.inc();
      }
    }
  }
}
