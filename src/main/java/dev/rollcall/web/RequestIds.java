package dev.rollcall.web;

import dev.rollcall.application.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request an id and every response its {@code X-Request-Id} header: the client's own
 * when it is well-formed (1 to 64 letters, digits and {@code . _ : -}), else a new UUID. The id is
 * what the provisioning log, the audit trail, error bodies and the log line of every 5xx show, so
 * one id finds a request everywhere.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIds extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RequestIds.class.getName());

  public static final String HEADER = "X-Request-Id";

  /** The servlet request attribute (and so JAX-RS request property) holding the id. */
  public static final String ATTRIBUTE = "dev.rollcall.requestId";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** The id of the request this thread is serving, for log lines written outside a request bean. */
  public static Optional<String> current() {
    return RequestId.current();
  }

  /** The client's id when it is well-formed, else a new one. */
  static String choose(String incoming) {
    return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : newId();
  }

  /**
   * A random (version 4) UUID from the thread's own generator: an id only has to be unique, not
   * unguessable, and {@link UUID#randomUUID()} draws on the shared SecureRandom for every request.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & ~0xF000L | 0x4000L;
    long low = random.nextLong() & ~(0xCL << 60) | 0x8L << 60;
    return new UUID(high, low).toString();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = choose(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    RequestId.enter(id);
    try {
      chain.doFilter(request, response);
    } finally {
      RequestId.leave();
      if (response.getStatus() >= 500) {
        LOG.warning(
            "HTTP "
                + response.getStatus()
                + " for "
                + request.getMethod()
                + " "
                + request.getRequestURI()
                + ", request id "
                + id);
      }
    }
  }
}
