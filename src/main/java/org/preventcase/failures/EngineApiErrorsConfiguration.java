package org.preventcase.failures;

import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Installs {@link EngineApiErrors} in the engine REST API (/engine-rest, Spring Boot's Jersey) and in
 * the webapps' engine API (/camunda/api/engine, the servlet Camunda's webapp initializer names
 * "Engine Api"), which Cockpit, Tasklist and Admin call for every engine operation. The webapps' own
 * applications (/camunda/api/cockpit, admin, tasklist, welcome: sign-in state, plugins, assets) keep
 * Camunda's mapping: with ours there, the Admin webapp no longer loaded.
 */
@Configuration
public class EngineApiErrorsConfiguration {

  /** The webapps' engine API servlet and the JAX-RS application it serves, as Camunda registers them. */
  static final String WEBAPP_ENGINE_API = "Engine Api";
  static final String WEBAPP_ENGINE_APPLICATION = "org.camunda.bpm.webapp.impl.engine.EngineRestApplication";
  static final String PROVIDERS = "jersey.config.server.provider.classnames";

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> EngineApiErrors.MAPPERS.forEach(config::register);
  }

  /**
   * Adds our mappers to the webapps' engine API servlet: after Camunda's initializer has registered
   * it, or, if this runs first, by registering it as Camunda would (it then keeps ours).
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ServletContextInitializer webappEngineApiErrors(Environment environment) {
    String providers = EngineApiErrors.MAPPERS.stream().map(Class::getName).collect(Collectors.joining(","));
    return servletContext -> {
      ServletRegistration registration = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
      if (registration == null) {
        registration = servletContext.addServlet(WEBAPP_ENGINE_API, "org.glassfish.jersey.servlet.ServletContainer");
        registration.addMapping(environment.getProperty("camunda.bpm.webapp.application-path", "/camunda")
            + "/api/engine/*");
        registration.setInitParameter("jakarta.ws.rs.Application", WEBAPP_ENGINE_APPLICATION);
      }
      registration.setInitParameter(PROVIDERS, providers);
    };
  }
}
