package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No route answers an anonymous caller (issue 16): every route of the engine REST API (Camunda's
 * OpenAPI document), of the webapps' APIs ({@link WebappRoutes}: their engine API, Cockpit's,
 * Tasklist's, Admin's and Welcome's resources and plugins) and of the application's own pages and API
 * (Spring MVC's mappings), each of its methods called without credentials, must be refused (401, 403,
 * or the way to the sign-in page). Only the sign-in page and the error page are open.
 */
class AnonymousRoutesIT extends ApplicationIT {

  /**
   * What a visitor who is not signed in may reach: the sign-in itself, the error page, and the
   * webapps' sign-out (204, which ends no one's session when no one is signed in).
   */
  static final Set<String> OPEN = Set.of("GET /login", "POST /login", "GET /error", "POST /error", "PUT /error",
      "DELETE /error", "PATCH /error", "POST /camunda/api/admin/auth/user/{processEngineName}/logout");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping application;

  @Test
  void noRouteOfTheEngineApiTheWebappsApisOrTheApplicationAnswersAnAnonymousCaller() throws IOException {
    Set<String> routes = new TreeSet<>();
    JsonNode paths = new ObjectMapper().readTree(getClass().getResourceAsStream(EngineRoutes.DOCUMENT)).path("paths");
    paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
      if (Set.of("get", "post", "put", "delete").contains(method)) {
        routes.add(method.toUpperCase(java.util.Locale.ROOT) + " /engine-rest" + path);
      }
    }));
    for (String prefix : WebappRoutes.APPLICATIONS.keySet()) {
      WebappRoutes.of(prefix).forEach(route -> routes.add(route.method() + " " + route.plain()));
    }
    application.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().forEach(pattern -> {
      Set<String> methods = mapping.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET", "POST")
          : mapping.getMethodsCondition().getMethods().stream().map(Enum::name)
              .collect(java.util.stream.Collectors.toSet());
      methods.forEach(method -> routes.add(method + " " + pattern));
    }));
    List<String> reachable = new ArrayList<>();
    int asked = 0;
    for (String route : routes) {
      if (OPEN.contains(route)) {
        continue;
      }
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{(engine|name|processEngineName)(:[^}]*)?}",
          "default").replaceAll("\\{[^}]+}", "x");
      HttpResponse<String> answer = call(method, path, null, "POST".equals(method) || "PUT".equals(method) ? "{}" : null);
      asked++;
      boolean refused = answer.statusCode() == 401 || answer.statusCode() == 403
          || (answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/login"));
      if (!refused) {
        reachable.add(route + " -> " + answer.statusCode());
      }
    }
    System.out.println("Anonymous callers: " + asked + " routes asked (" + routes.size() + " in all, the sign-in and "
        + "error pages left open), " + reachable.size() + " reachable " + reachable);
    assertThat(reachable).isEmpty();
    assertThat(asked).isGreaterThan(500);
  }
}
