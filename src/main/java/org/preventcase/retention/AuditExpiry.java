package org.preventcase.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.preventcase.audit.AuditAction;
import org.preventcase.audit.AuditOutcome;
import org.preventcase.audit.AuditRecord;
import org.preventcase.audit.AuditTrail;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires the audit trail a month at a time (docs/retention.md): the schema owner's function
 * audit_drop_expired_partitions drops each monthly partition whose rows are all older than
 * prevent.retention.audit-period, unless it holds a row about a case under a legal hold (then the month
 * is kept whole, so its chain stays verifiable), with the month's links. Run after the case deletion,
 * under its lock. What went is audited as counts per authority and month.
 */
@Component
class AuditExpiry {

  private static final Logger LOG = LoggerFactory.getLogger(AuditExpiry.class);

  /** One month of one authority's audit rows: dropped, or kept for a legal hold. */
  record Month(LocalDate month, String authorityCode, long rows, boolean dropped) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final RetentionProperties retention;
  private final AuditTrail audit;
  private final Clock clock;

  AuditExpiry(JdbcClient jdbc, TransactionTemplate transaction, RetentionProperties retention, AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.retention = retention;
    this.audit = audit;
    this.clock = clock;
  }

  /** Drops the expired months; null when another node holds the lock. */
  List<Month> dropExpired() {
    return transaction.execute(status -> {
      if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(CaseDeletion.DELETING).query(Boolean.class).single()) {
        return null;
      }
      List<Month> months = new ArrayList<>(jdbc.sql(
              "SELECT chain_month, authority_code, row_count, dropped FROM audit_drop_expired_partitions(?)")
          .param(Timestamp.from(retention.auditBefore(clock.instant())))
          .query((rs, row) -> new Month(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
              rs.getBoolean(4)))
          .list());
      Map<String, List<Month>> byAuthority = months.stream()
          .collect(Collectors.groupingBy(Month::authorityCode, TreeMap::new, Collectors.toList()));
      byAuthority.forEach((authority, its) -> audit.record(AuditRecord.ofCase(Actor.SYSTEM_ENGINE, authority, null,
          null, AuditAction.DELETE, AuditOutcome.GRANTED, new Purpose(Purpose.Code.RETENTION, "expired audit months: "
              + counted(its, true) + "; kept for a legal hold: " + counted(its, false)))));
      if (!months.isEmpty()) {
        LOG.info("Audit months past their period: {}", months.stream().filter(Month::dropped).map(Month::month)
            .distinct().count() + " dropped, " + months.stream().filter(month -> !month.dropped()).map(Month::month)
            .distinct().count() + " kept for a legal hold");
      }
      return months;
    });
  }

  private static String counted(List<Month> months, boolean dropped) {
    List<Month> these = months.stream().filter(month -> month.dropped() == dropped).toList();
    return "months=" + these.size() + " rows=" + these.stream().mapToLong(Month::rows).sum();
  }
}
