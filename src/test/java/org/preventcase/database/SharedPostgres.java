package org.preventcase.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL that a test owns, set up as the application's own (LocalPostgres: the schema
 * owner's database, the restricted application role), for several application instances to share: each
 * is started with {@link #properties()}, which name the server, so none starts a database of its own.
 */
public final class SharedPostgres implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final Map<String, Object> properties;

  public SharedPostgres() {
    postgres = LocalPostgres.start("", false);
    properties = LocalPostgres.prepared(postgres);
  }

  /**
   * A server keeping its data in {@code dataDirectory} from one run to the next (a benchmark's, with its
   * template database), durable as a real server, with pg_stat_statements loaded to count statements.
   */
  public SharedPostgres(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
          .setDataDirectory(dataDirectory.toAbsolutePath()).setCleanDataDirectory(false)
          .setServerConfig("shared_preload_libraries", "pg_stat_statements").setServerConfig("max_connections", "200")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
    }
    properties = LocalPostgres.prepared(postgres);
  }

  public Map<String, Object> properties() {
    return properties;
  }

  /** The application's properties on another database of this server (see {@link #recreate}). */
  public Map<String, Object> properties(String database) {
    Map<String, Object> onDatabase = new HashMap<>(properties);
    onDatabase.put("spring.datasource.url", url(database));
    onDatabase.put("spring.flyway.url", url(database));
    return onDatabase;
  }

  public String url(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  /** The schema owner's role name, which is also its password on this local server. */
  public String owner() {
    return LocalPostgres.OWNER;
  }

  /** The server's superuser on one of its databases, for what only it may do (statistics, copies). */
  public DataSource superuser(String database) {
    return postgres.getDatabase("postgres", database);
  }

  public boolean exists(String database) {
    try (Connection connection = superuser("postgres").getConnection();
        var found = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      found.setString(1, database);
      try (var rows = found.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The database made anew, empty or as a copy of {@code template} (null for none), owned by the schema owner and
   * open to the application role, as LocalPostgres makes the application's own.
   */
  public void recreate(String database, String template) {
    try (Connection connection = superuser("postgres").getConnection(); Statement sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + database + " OWNER " + LocalPostgres.OWNER
          + (template == null ? "" : " TEMPLATE " + template));
      sql.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
      sql.execute("GRANT CONNECT ON DATABASE " + database + " TO " + LocalPostgres.APP);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not make the database " + database, e);
    }
  }

  @Override
  public void close() {
    LocalPostgres.close(postgres);
  }
}
