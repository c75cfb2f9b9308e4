package org.preventcase.audit;

import org.preventcase.database.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a year of monthly audit partitions ahead, at start-up and daily, through the schema owner's
 * security-definer function audit_event_prepare_partitions (the application role cannot create tables);
 * one instance at a time, or two creating the same month's partition at once would fail.
 */
@Component
public class AuditPartitions implements SmartInitializingSingleton {

  static final int MONTHS_AHEAD = 12;
  /** The advisory lock of the partitions' upkeep: "PARTS" in ASCII. */
  static final long LOCK = 0x5041525453L;
  private static final Logger LOG = LoggerFactory.getLogger(AuditPartitions.class);
  private final JdbcClient jdbc;
  private final ClusterJobs cluster;

  public AuditPartitions(JdbcClient jdbc, ClusterJobs cluster) {
    this.jdbc = jdbc;
    this.cluster = cluster;
  }

  @Override
  public void afterSingletonsInstantiated() {
    prepare();
  }

  @Scheduled(cron = "0 17 2 * * *", zone = "Europe/London")
  public void prepare() {
    Integer created = cluster.inTurn(LOCK, () -> jdbc.sql("SELECT audit_event_prepare_partitions(?)")
        .param(MONTHS_AHEAD).query(Integer.class).single());
    if (created != null && created > 0) {
      LOG.info("Created {} monthly audit partitions", created);
    }
  }
}
