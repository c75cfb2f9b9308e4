package org.preventcase.failures;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database is out of reach answers 503 with {@code Retry-After},
 * not 500 (issue 16 item 5), on every page and API of the application, sign-in included: the
 * outermost filter, before Spring Security. APIs get the {@link Problem} body, pages the static
 * page {@code failures/unavailable.html} (the shared layout would read the user from the database).
 * One log line, no stack trace. The engine APIs answer the same through {@link EngineApiErrors}.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);
  private static final byte[] PAGE = page();
  private final Predicate<String> engineApiPath;

  /**
   * @param engineApiPath whether a path is on an engine API ({@code security.EngineRoutes#isEngineApiPath},
   *     handed in by FailuresConfiguration: the security package depends on this one, not the other way)
   */
  public DatabaseOutageFilter(Predicate<String> engineApiPath) {
    this.engineApiPath = engineApiPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!Outages.isDatabaseOutage(failure) || response.isCommitted()) {
        throw failure;
      }
      LOG.warn("Answered 503 to {} {}: the database is out of reach", request.getMethod(), request.getRequestURI());
      response.reset();
      response.setHeader("Retry-After", Outages.RETRY_AFTER_SECONDS);
      if (wantsJson(request)) {
        Problem.of(503, "unavailable", Outages.MESSAGE).write(response);
      } else {
        response.setStatus(503);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(PAGE);
      }
    }
  }

  private static byte[] page() {
    try (InputStream page = DatabaseOutageFilter.class.getResourceAsStream("/failures/unavailable.html")) {
      return Objects.requireNonNull(page, "failures/unavailable.html is missing").readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean wantsJson(HttpServletRequest request) {
    String path = request.getRequestURI();
    String accept = request.getHeader("Accept");
    return path.startsWith("/api/") || engineApiPath.test(path) || path.startsWith("/camunda/api/")
        || path.startsWith("/actuator") || (accept != null && accept.contains("json"));
  }
}
