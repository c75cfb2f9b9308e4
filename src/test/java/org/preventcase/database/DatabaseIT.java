package org.preventcase.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Flyway owns the schema, the engine's tables included; the application connects as a restricted role. */
class DatabaseIT extends ApplicationIT {

  @Autowired DataSource dataSource;
  @Autowired Flyway flyway;

  JdbcTemplate asApplication() {
    return new JdbcTemplate(dataSource);
  }

  @Test
  void theApplicationRunsOnPostgreSqlAsItsRestrictedRole() {
    assertThat(asApplication().queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    assertThat(asApplication().queryForObject("SELECT current_user", String.class)).isEqualTo("prevent_app");
  }

  @Test
  void flywayCreatedTheEngineTablesAndOwnsThem() {
    // repeatable migrations (reference data) have no version
    assertThat(flyway.info().applied()).filteredOn(migration -> migration.getVersion() != null)
        .extracting(migration -> migration.getVersion().getVersion()).startsWith("1", "2");
    assertThat(asApplication().queryForObject(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'act\\_%'", Integer.class))
        .isGreaterThan(40);
    assertThat(asApplication().queryForObject(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user", Integer.class))
        .isZero();
    assertThat(asApplication().queryForList("SELECT version_ FROM act_ge_schema_log", String.class)).contains("7.24.0");
  }

  @Test
  void theApplicationRoleCannotChangeTheSchemaNorTheMigrationHistory() {
    assertThatThrownBy(() -> asApplication().execute("CREATE TABLE smuggled (id int)"))
        .rootCause().hasMessageContaining("permission denied for schema public");
    assertThatThrownBy(() -> asApplication().execute("DROP TABLE act_ru_task"))
        .rootCause().hasMessageContaining("must be owner");
    assertThatThrownBy(() -> asApplication().update("DELETE FROM flyway_schema_history"))
        .rootCause().hasMessageContaining("permission denied");
  }
}
