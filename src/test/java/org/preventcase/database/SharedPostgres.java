package org.preventcase.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;

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

  public Map<String, Object> properties() {
    return properties;
  }

  @Override
  public void close() {
    LocalPostgres.close(postgres);
  }
}
