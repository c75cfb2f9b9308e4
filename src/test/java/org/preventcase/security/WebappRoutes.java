package org.preventcase.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every route a JAX-RS application of the webapps serves, read from the classes the running
 * application hands to its servlet ({@link Application#getClasses()}: Cockpit's, Tasklist's, Admin's and
 * Welcome's own resources and their registered plugins' resources, or the webapps' engine API),
 * following sub-resource locators as Jersey does. A route is {@code METHOD /path/{parameter}/...}.
 */
final class WebappRoutes {

  /** The webapps' own JAX-RS applications under /camunda/api, as Camunda's webapp initializer registers them. */
  static final Map<String, String> APPLICATIONS = Map.of(
      "/camunda/api/cockpit", "org.camunda.bpm.cockpit.impl.web.CockpitApplication",
      "/camunda/api/tasklist", "org.camunda.bpm.tasklist.impl.web.TasklistApplication",
      "/camunda/api/admin", "org.camunda.bpm.admin.impl.web.AdminApplication",
      "/camunda/api/welcome", "org.camunda.bpm.welcome.impl.web.WelcomeApplication",
      "/camunda/api/engine", "org.camunda.bpm.webapp.impl.engine.EngineRestApplication");
  /** Path parameters that name an engine, a webapp or an asset, not a thing of an authority. */
  static final Set<String> NOT_THINGS = Set.of("engine", "name", "processEngineName", "appName", "file");
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
  private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
      DELETE.class);

  record Route(String method, String template) {

    /** The names of the path parameters, in order. */
    List<String> parameters() {
      List<String> names = new ArrayList<>();
      Matcher parameter = PARAMETER.matcher(template);
      while (parameter.find()) {
        names.add(parameter.group(1));
      }
      return names;
    }

    /** Whether the route names a thing by its id (a parameter other than the engine, webapp or asset). */
    boolean takesAnId() {
      return parameters().stream().anyMatch(name -> !NOT_THINGS.contains(name));
    }

    /** The template with each parameter's own pattern left out: {@code /static/{file}}. */
    String plain() {
      return PARAMETER.matcher(template).replaceAll("{$1}");
    }
  }

  private WebappRoutes() {}

  /** Every route of the application served under this prefix (one of {@link #APPLICATIONS}). */
  static Set<Route> of(String prefix) {
    try {
      Application application = (Application) Class.forName(APPLICATIONS.get(prefix)).getConstructor().newInstance();
      Set<Route> routes = new TreeSet<>(java.util.Comparator.comparing(Route::template).thenComparing(Route::method));
      for (Class<?> resource : application.getClasses()) {
        Path root = resource.getAnnotation(Path.class);
        if (root != null) {
          walk(resource, join(prefix, root.value()), routes, new HashSet<>());
        }
      }
      return routes;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the routes of " + prefix, e);
    }
  }

  private static void walk(Class<?> type, String path, Set<Route> routes, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    for (Method method : type.getMethods()) {
      Path sub = annotation(method, Path.class);
      String at = sub == null ? path : join(path, sub.value());
      List<String> http = HTTP_METHODS.stream().filter(verb -> annotation(method, verb) != null)
          .map(Class::getSimpleName).toList();
      if (!http.isEmpty()) {
        http.forEach(verb -> routes.add(new Route(verb, at)));
      } else if (sub != null) {
        walk(method.getReturnType(), at, routes, new HashSet<>(seen)); // a sub-resource locator
      }
    }
  }

  /** The annotation on this method or on the method it implements or overrides (JAX-RS annotation inheritance). */
  private static <A extends Annotation> A annotation(Method method, Class<A> type) {
    A found = method.getAnnotation(type);
    for (Class<?> owner = method.getDeclaringClass(); found == null && owner != null; owner = owner.getSuperclass()) {
      found = declared(owner, method, type);
      for (Class<?> contract : owner.getInterfaces()) {
        found = found != null ? found : declared(contract, method, type);
      }
    }
    return found;
  }

  private static <A extends Annotation> A declared(Class<?> owner, Method method, Class<A> type) {
    try {
      return owner.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static String join(String path, String sub) {
    String tail = sub.startsWith("/") ? sub : "/" + sub;
    String joined = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + tail;
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }
}
