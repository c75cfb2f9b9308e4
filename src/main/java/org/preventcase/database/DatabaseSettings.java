package org.preventcase.database;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The two database roles the application needs, read from the environment: the restricted
 * application role (spring.datasource.*) and the schema owner Flyway migrates as (spring.flyway.*).
 */
record DatabaseSettings(String url, String appUser, String appPassword, String ownerUser, String ownerPassword) {

  static DatabaseSettings from(Environment env) {
    return new DatabaseSettings(
        env.getProperty("spring.datasource.url", ""),
        env.getProperty("spring.datasource.username", ""),
        env.getProperty("spring.datasource.password", ""),
        env.getProperty("spring.flyway.user", ""),
        env.getProperty("spring.flyway.password", ""));
  }

  boolean urlGiven() {
    return StringUtils.hasText(url);
  }

  /** What is missing or wrong, by environment variable name; never a value. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!StringUtils.hasText(url)) problems.add("DB_URL is not set");
    if (!StringUtils.hasText(appUser)) problems.add("DB_USER is not set");
    if (!StringUtils.hasText(appPassword)) problems.add("DB_PASSWORD is not set");
    if (!StringUtils.hasText(ownerUser)) problems.add("DB_OWNER_USER is not set");
    if (!StringUtils.hasText(ownerPassword)) problems.add("DB_OWNER_PASSWORD is not set");
    if (StringUtils.hasText(appUser) && appUser.equals(ownerUser)) {
      problems.add("DB_USER must be a restricted role, not the schema owner DB_OWNER_USER");
    }
    return problems;
  }
}
