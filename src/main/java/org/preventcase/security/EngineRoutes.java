package org.preventcase.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id-taking routes of the engine REST API, from the OpenAPI document Camunda ships for this
 * version (camunda-engine-rest-openapi): each path template whose first path parameter names the
 * thing asked about, e.g. {@code /task/{id}/variables/{varName}}. The same routes serve the webapps'
 * engine API under /camunda/api/engine/engine/{name}.
 */
public final class EngineRoutes {

  static final String DOCUMENT = "/openapi.json";
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");
  private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");
  /** Where the engine's routes start: /engine-rest, /engine-rest/engine/{name}, the webapps' engine API. */
  private static final Pattern PREFIX = Pattern.compile(
      "^(/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");

  /** One route: its template, the methods it answers, where its first parameter is. */
  public record Route(String template, Set<String> methods, Pattern pattern, int literalSegments,
      boolean beyondTheDocument) {

    /** The path with its first parameter (the thing's id) replaced. */
    String withId(String path, String id) {
      Matcher matcher = pattern.matcher(path);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(path);
      }
      return path.substring(0, matcher.start(1)) + id + path.substring(matcher.end(1));
    }

    /** The path up to and including the first parameter: where the thing itself is read. */
    String thing(String path) {
      Matcher matcher = pattern.matcher(path);
      return matcher.matches() ? path.substring(0, matcher.end(1)) : path;
    }
  }

  /** A request on an id-taking route: the prefix (engine API root), the route and the id asked about. */
  public record Match(String prefix, String path, Route route, String id) {}

  /**
   * Id-taking routes the engine REST API serves (its JAX-RS resources) that the OpenAPI document does
   * not list, CMMN's aside (no CMMN model is ever deployed here): NoExistenceOracleIT walks the
   * served routes and fails if one is missing. Camunda checks less on some of them (a definition's
   * static called definitions by key answer 200 to anyone), so their successful answers are checked too.
   */
  static final Map<String, String> BEYOND_THE_DOCUMENT = Map.of(
      "/process-definition/key/{key}/delete", "DELETE",
      "/process-definition/key/{key}/restart", "POST",
      "/process-definition/key/{key}/restart-async", "POST",
      "/process-definition/key/{key}/static-called-process-definitions", "GET",
      "/process-definition/key/{key}/tenant-id/{tenant-id}/delete", "DELETE",
      "/process-definition/key/{key}/tenant-id/{tenant-id}/restart", "POST",
      "/process-definition/key/{key}/tenant-id/{tenant-id}/restart-async", "POST",
      "/process-definition/key/{key}/tenant-id/{tenant-id}/static-called-process-definitions", "GET");
  private final List<Route> routes;

  private EngineRoutes(List<Route> routes) {
    this.routes = routes;
  }

  public static EngineRoutes fromOpenApi() {
    try (InputStream document = EngineRoutes.class.getResourceAsStream(DOCUMENT)) {
      if (document == null) {
        throw new IllegalStateException("The engine REST OpenAPI document " + DOCUMENT + " is not on the classpath");
      }
      JsonNode paths = new ObjectMapper().readTree(document).path("paths");
      List<Route> routes = new ArrayList<>();
      for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
        String template = names.next();
        if (!PARAMETER.matcher(template).find()) {
          continue;
        }
        List<String> methods = new ArrayList<>();
        paths.path(template).fieldNames().forEachRemaining(method -> {
          if (METHODS.contains(method)) {
            methods.add(method.toUpperCase(Locale.ROOT));
          }
        });
        if (!methods.isEmpty()) {
          routes.add(route(template, Set.copyOf(methods), false));
        }
      }
      BEYOND_THE_DOCUMENT.forEach((template, method) -> routes.add(route(template, Set.of(method), true)));
      routes.sort(Comparator.comparingInt(Route::literalSegments).reversed().thenComparing(Route::template));
      return new EngineRoutes(List.copyOf(routes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Route route(String template, Set<String> methods, boolean beyondTheDocument) {
    return new Route(template, methods, Pattern.compile(regex(template)),
        (int) java.util.Arrays.stream(template.split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{")).count(),
        beyondTheDocument);
  }

  private static String regex(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher parameter = PARAMETER.matcher(template);
    int at = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(template.substring(at, parameter.start()))).append("([^/]+)");
      at = parameter.end();
    }
    return regex.append(Pattern.quote(template.substring(at))).toString();
  }

  public List<Route> routes() {
    return routes;
  }

  /**
   * The route within the engine API that this request path (without the context path) is on, e.g.
   * {@code /task/1/complete} for {@code /engine-rest/task/1/complete}, if it is on the engine API at all:
   * the engine REST API ({@code /engine-rest}, also as {@code /engine-rest/engine/{name}}) or the
   * webapps' engine API ({@code /camunda/api/engine/engine/{name}}). The one place that says which paths
   * are the engine's.
   */
  public static Optional<String> engineApiPath(String requestPath) {
    Matcher prefix = PREFIX.matcher(requestPath);
    return prefix.matches() ? Optional.of(prefix.group(2)) : Optional.empty();
  }

  /** Whether this request path (without the context path) is on the engine REST API or the webapps' engine API. */
  public static boolean isEngineApiPath(String requestPath) {
    return engineApiPath(requestPath).isPresent();
  }

  /** The id-taking route this request is on, if any (the most specific template wins). */
  public Optional<Match> match(String requestPath, String method) {
    Matcher prefix = PREFIX.matcher(requestPath);
    if (!prefix.matches()) {
      return Optional.empty();
    }
    String path = prefix.group(2);
    for (Route route : routes) {
      Matcher matcher = route.pattern().matcher(path);
      if (route.methods().contains(method) && matcher.matches()) {
        return Optional.of(new Match(prefix.group(1), path, route, matcher.group(1)));
      }
    }
    return Optional.empty();
  }

  /** Whether GET answers on this path (the thing's own read route). */
  boolean readable(String path) {
    return routes.stream().anyMatch(route -> route.methods().contains("GET") && route.pattern().matcher(path).matches());
  }
}
