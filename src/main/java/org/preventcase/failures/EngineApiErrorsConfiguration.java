package org.preventcase.failures;

import jakarta.servlet.ServletRegistration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Installs {@link EngineApiErrors} in the engine REST API (/engine-rest, Spring Boot's Jersey) and in
 * the webapps' own JAX-RS applications (/camunda/api/engine, cockpit, admin, tasklist, welcome).
 * The webapps' servlets are registered here first, under the names and with the applications
 * Camunda's webapp initializer uses (it then leaves them as they are), plus our mappers.
 */
@Configuration
public class EngineApiErrorsConfiguration {

  static final String PROVIDERS = "jersey.config.server.provider.classnames";
  /** Servlet name, JAX-RS application and path under the webapps' path, as CamundaBpmWebappInitializer has them. */
  static final Map<String, String[]> WEBAPP_APIS = Map.of(
      "Engine Api", new String[] {"org.camunda.bpm.webapp.impl.engine.EngineRestApplication", "/api/engine/*"},
      "Cockpit Api", new String[] {"org.camunda.bpm.cockpit.impl.web.CockpitApplication", "/api/cockpit/*"},
      "Admin Api", new String[] {"org.camunda.bpm.admin.impl.web.AdminApplication", "/api/admin/*"},
      "Tasklist Api", new String[] {"org.camunda.bpm.tasklist.impl.web.TasklistApplication", "/api/tasklist/*"},
      "Welcome Api", new String[] {"org.camunda.bpm.welcome.impl.web.WelcomeApplication", "/api/welcome/*"});

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> EngineApiErrors.MAPPERS.forEach(config::register);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappApiErrors(org.springframework.core.env.Environment environment) {
    String applicationPath = environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
    String providers = EngineApiErrors.MAPPERS.stream().map(Class::getName).collect(Collectors.joining(","));
    return servletContext -> WEBAPP_APIS.forEach((name, api) -> {
      ServletRegistration registration = servletContext.getServletRegistration(name);
      if (registration == null) {
        registration = servletContext.addServlet(name, "org.glassfish.jersey.servlet.ServletContainer");
        registration.addMapping(applicationPath + api[1]);
        registration.setInitParameter("jakarta.ws.rs.Application", api[0]);
      }
      registration.setInitParameter(PROVIDERS, providers);
    });
  }
}
