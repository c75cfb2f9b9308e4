package org.preventcase.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a year of monthly audit partitions ahead, at start-up and daily, through the schema owner's
 * security-definer function audit_event_prepare_partitions (the application role cannot create tables).
 */
@Component
public class AuditPartitions implements SmartInitializingSingleton {

  static final int MONTHS_AHEAD = 12;
  private static final Logger LOG = LoggerFactory.getLogger(AuditPartitions.class);
  private final JdbcClient jdbc;

  public AuditPartitions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    prepare();
  }

  @Scheduled(cron = "0 17 2 * * *", zone = "Europe/London")
  public void prepare() {
    Integer created = jdbc.sql("SELECT audit_event_prepare_partitions(?)").param(MONTHS_AHEAD).query(Integer.class).single();
    if (created != null && created > 0) {
      LOG.info("Created {} monthly audit partitions", created);
    }
  }
}
