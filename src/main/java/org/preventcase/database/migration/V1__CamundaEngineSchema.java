package org.preventcase.database.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the Camunda 7.24 engine tables from the PostgreSQL scripts the engine ships, so that
 * Flyway (the schema owner) and not the engine creates and upgrades them. A later engine version
 * adds a migration running Camunda's matching upgrade script.
 */
public class V1__CamundaEngineSchema extends BaseJavaMigration {

  private static final String FOLDER = "org/camunda/bpm/engine/db/create/";
  static final List<String> SCRIPTS = List.of(
      "activiti.postgres.create.engine.sql",
      "activiti.postgres.create.history.sql",
      "activiti.postgres.create.identity.sql",
      "activiti.postgres.create.case.engine.sql",
      "activiti.postgres.create.case.history.sql",
      "activiti.postgres.create.decision.engine.sql",
      "activiti.postgres.create.decision.history.sql");

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      for (String script : SCRIPTS) {
        statement.execute(read(script));
      }
    }
  }

  /** The scripts' own checksum: a changed engine script is noticed like a changed SQL migration. */
  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    SCRIPTS.forEach(script -> crc.update(read(script).getBytes(StandardCharsets.UTF_8)));
    return (int) crc.getValue();
  }

  private static String read(String script) {
    try (InputStream in = V1__CamundaEngineSchema.class.getClassLoader().getResourceAsStream(FOLDER + script)) {
      if (in == null) {
        throw new IllegalStateException("Camunda engine script missing from the classpath: " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
