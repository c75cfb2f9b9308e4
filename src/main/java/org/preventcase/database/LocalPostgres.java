package org.preventcase.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The embedded PostgreSQL for local runs and tests, set up like a real server: a database owned by
 * a schema-owner role, and a restricted application role. Loaded only when its library is present.
 */
final class LocalPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
  static final String DATABASE = "prevent";
  static final String OWNER = "prevent_owner";
  static final String APP = "prevent_app";

  private LocalPostgres() {}

  static void startFor(ConfigurableEnvironment environment, SpringApplication application) {
    String dataDirectory = environment.getProperty("prevent.embedded-postgres.data-directory", "");
    boolean durable = environment.getProperty("prevent.embedded-postgres.durable", Boolean.class, true);
    EmbeddedPostgres postgres = start(dataDirectory, durable);
    // registered before any other bean, so destroyed after all of them (the engine, the pool)
    application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
        .registerDisposableBean("embeddedPostgres", () -> close(postgres)));
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", prepared(postgres)));
    LOG.info("Embedded PostgreSQL on port {} ({})", postgres.getPort(),
        StringUtils.hasText(dataDirectory) ? "data kept in " + dataDirectory : "temporary data");
  }

  /**
   * Creates the roles and the database on the server (idempotent) and returns the properties by which the
   * application connects to it: both roles' URL and credentials.
   */
  static Map<String, Object> prepared(EmbeddedPostgres postgres) {
    createRolesAndDatabase(postgres);
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    return Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", APP,
        "spring.datasource.password", APP,
        "spring.flyway.url", url,
        "spring.flyway.user", OWNER,
        "spring.flyway.password", OWNER,
        "spring.flyway.placeholders.app_role", APP);
  }

  /** Not durable: no commit waits for the disk (a what-if run's throw-away database, which a crash may lose). */
  static EmbeddedPostgres start(String dataDirectory, boolean durable) {
    try {
      // no shutdown hook of its own: it would stop the database while the engine is still closing
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
      if (!durable) {
        builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off");
      }
      if (StringUtils.hasText(dataDirectory)) {
        Path directory = Path.of(dataDirectory).toAbsolutePath();
        Files.createDirectories(directory);
        builder.setDataDirectory(directory).setCleanDataDirectory(false);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  /** Idempotent: a kept data directory already has them. Local trust authentication. */
  private static void createRolesAndDatabase(EmbeddedPostgres postgres) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("DO $$ BEGIN "
          + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + OWNER + "') THEN CREATE ROLE " + OWNER + " LOGIN; END IF; "
          + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP + "') THEN CREATE ROLE " + APP + " LOGIN; END IF; "
          + "END $$");
      boolean exists;
      try (var rs = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        sql.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
        sql.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded PostgreSQL roles", e);
    }
  }

  static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
