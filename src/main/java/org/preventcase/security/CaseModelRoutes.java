package org.preventcase.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.preventcase.failures.Problem;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No CMMN (docs/security.md): the flow is BPMN and no CMMN case model is ever deployed (the engine
 * refuses one), so every CMMN route of the engine REST API and the webapps' engine API that names a
 * case definition, instance or execution, or changes one, answers 404 {@code cmmn-not-used} to
 * everyone, before the engine is asked: the same answer whatever the id, so no existence oracle.
 * The lists and counts the webapps read (Cockpit's history clean-up report, Tasklist's filter
 * criteria) still answer, empty.
 */
public class CaseModelRoutes extends OncePerRequestFilter {

  static final String MESSAGE = "CMMN case models are not used here: there is no case definition, case instance or "
      + "case execution to ask about.";
  private static final Pattern CMMN = Pattern.compile("^/(?:history/)?case-[a-z-]+(?:/.*)?$");
  /** The CMMN lists and counts, which name nothing: asked by the webapps, they answer empty. */
  private static final Pattern LISTS = Pattern.compile(
      "^/(?:history/)?case-(?:definition|instance|execution|activity-instance)"
          + "(?:/count|/cleanable-case-instance-report(?:/count)?)?/?$");

  /** Whether the engine API path (EngineRoutes.engineApiPath) is a CMMN route that is refused. */
  static boolean refused(String method, String engineApiPath) {
    return CMMN.matcher(engineApiPath).matches()
        && !(("GET".equals(method) || "POST".equals(method)) && LISTS.matcher(engineApiPath).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = EngineRoutes.engineApiPath(request.getRequestURI().substring(request.getContextPath().length()))
        .orElse("");
    if (refused(request.getMethod(), path)) {
      Problem.of(404, "cmmn-not-used", MESSAGE).write(response);
      return;
    }
    chain.doFilter(request, response);
  }
}
