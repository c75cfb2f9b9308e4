package org.preventcase.retention;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.preventcase.audit.AuditAction;
import org.preventcase.audit.AuditOutcome;
import org.preventcase.audit.AuditRecord;
import org.preventcase.audit.AuditTrail;
import org.preventcase.audit.Purpose;
import org.preventcase.authority.AuthoritiesProperties;
import org.preventcase.database.ClusterJobs;
import org.preventcase.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the case records past their authority's retention period (docs/retention.md), nightly, as the
 * system actor: the schema owner's function retention_delete_expired checks expiry and legal hold itself
 * and deletes each case with everything hanging off it, at most a batch of cases per transaction. Each
 * transaction first takes a database lock, so with two nodes one deletes and the other finds the lock
 * taken and leaves it. What went is audited as counts per authority, never content.
 */
@Component
public class CaseDeletion {

  /** The advisory lock the deleting runs of all nodes take (the audit's sealing has its own). */
  static final long DELETING = 0x5E7E_4710L;
  private static final Logger LOG = LoggerFactory.getLogger(CaseDeletion.class);

  /** What one run deleted in one authority, by kind of row (cases, case_entry, referral, ...). */
  public record Deleted(String authorityCode, Map<String, Long> counts) {
    public long cases() {
      return counts.getOrDefault("cases", 0L);
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final RetentionProperties retention;
  private final AuthoritiesProperties authorities;
  private final AuditTrail audit;
  private final Clock clock;
  private final AuditExpiry auditMonths;
  private final ClusterJobs cluster;

  public CaseDeletion(JdbcClient jdbc, TransactionTemplate transaction, RetentionProperties retention,
      AuthoritiesProperties authorities, AuditTrail audit, Clock clock, AuditExpiry auditMonths, ClusterJobs cluster) {
    this.cluster = cluster;
    this.auditMonths = auditMonths;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.retention = retention;
    this.authorities = authorities;
    this.audit = audit;
    this.clock = clock;
  }

  /** The night's run, by one node of a cluster: the expired case records, then the expired months of the audit trail. */
  @Scheduled(cron = "${prevent.retention.cron}", zone = "Europe/London")
  public void deleteOnSchedule() {
    cluster.oncePer("retention", ClusterJobs.DAILY, () -> {
      deleteExpired();
      auditMonths.dropExpired();
    });
  }

  /** Deletes every expired case of every authority holding cases; empty when another node holds the lock. */
  public List<Deleted> deleteExpired() {
    TreeSet<String> codes = new TreeSet<>(jdbc.sql("SELECT DISTINCT authority_code FROM case_file WHERE status = 'CLOSED'")
        .query(String.class).list());
    authorities.authorities().forEach(authority -> codes.add(authority.code()));
    List<Deleted> done = new java.util.ArrayList<>();
    for (String code : codes) {
      Map<String, Long> total = new LinkedHashMap<>();
      Map<String, Long> batch;
      do {
        batch = transaction.execute(status -> deleteBatch(code));
        if (batch == null) {
          LOG.info("Case deletion left to the node holding its lock");
          return done;
        }
        batch.forEach((kind, count) -> total.merge(kind, count, Long::sum));
      } while (batch.getOrDefault("cases", 0L) >= retention.batchSize());
      Deleted deleted = new Deleted(code, total);
      if (deleted.cases() > 0) {
        LOG.info("Deleted {} expired cases of {}", deleted.cases(), code);
      }
      done.add(deleted);
    }
    return done;
  }

  /** One transaction: the lock, then at most a batch of the authority's expired cases; null without the lock. */
  private Map<String, Long> deleteBatch(String authorityCode) {
    if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(DELETING).query(Boolean.class).single()) {
      return null;
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("SELECT kind, deleted FROM retention_delete_expired(?, ?, ?)")
        .params(authorityCode, java.sql.Timestamp.from(retention.closedBefore(authorityCode, clock.instant())),
            retention.batchSize())
        .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    if (counts.getOrDefault("cases", 0L) > 0) {
      audit.record(AuditRecord.ofCase(Actor.SYSTEM_ENGINE, authorityCode, null, null, AuditAction.DELETE,
          AuditOutcome.GRANTED, new Purpose(Purpose.Code.RETENTION, "expired cases deleted: " + counts.entrySet().stream()
              .filter(count -> count.getValue() > 0).map(count -> count.getKey() + "=" + count.getValue())
              .collect(Collectors.joining(" ")))));
    }
    return counts;
  }
}
