package org.preventcase.statistics;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * prevent.statistics.* (docs/retention.md, "Statistics"): the key of the pseudonymous person key, held by
 * the application's configuration (PREVENT_STATISTICS_PERSON_KEY), never by the database. Without one of
 * at least 32 bytes the application does not start.
 */
@ConfigurationProperties(prefix = "prevent.statistics")
public record StatisticsProperties(String personKey) {

  static final int SHORTEST_KEY = 32;

  public StatisticsProperties {
    if (personKey == null || personKey.getBytes(StandardCharsets.UTF_8).length < SHORTEST_KEY) {
      throw new IllegalArgumentException("prevent.statistics.person-key (PREVENT_STATISTICS_PERSON_KEY) must be a secret"
          + " of at least " + SHORTEST_KEY + " bytes: it keys the statistics' pseudonymous person key");
    }
  }
}
