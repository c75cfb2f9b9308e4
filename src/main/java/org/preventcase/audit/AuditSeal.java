package org.preventcase.audit;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the audit trail after commit: takes a boundary (every row up to it committed), then chains the
 * rows above the last run's boundary, in id order, onto the head of their authority's month chain, all
 * in one transaction. Nothing is held while requests append rows; several instances take turns.
 */
@Component
public class AuditSeal {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSeal.class);
  /** The advisory lock the sealing runs of all instances take turns on. */
  private static final long SEALING = 0x5EA1_AD17L;
  private static final int BATCH = 2000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  public AuditSeal(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  record Boundary(long sealedThrough, OffsetDateTime takenAt) {}

  record Head(long position, byte[] hash) {}

  @Scheduled(fixedDelayString = "${prevent.audit.seal-interval}", initialDelayString = "${prevent.audit.seal-interval}")
  public void sealOnSchedule() {
    seal();
  }

  /** Seals every row committed so far; returns how many were sealed. */
  public int seal() {
    Optional<Boundary> boundary = takeBoundary();
    if (boundary.isEmpty()) {
      return 0;
    }
    Integer sealed = transaction.execute(status -> sealThrough(boundary.get()));
    if (sealed != null && sealed > 0) {
      LOG.info("Sealed {} audit rows", sealed);
    }
    return sealed == null ? 0 : sealed;
  }

  /** In its own short transaction: the function waits for the appending transactions to end. */
  private Optional<Boundary> takeBoundary() {
    try {
      return Optional.of(jdbc.sql("SELECT sealed_through, taken_at FROM audit_seal_boundary()")
          .query((rs, row) -> new Boundary(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).single());
    } catch (DataAccessException e) {
      // a transaction that appended a row is still open after the lock timeout: seal on the next run
      LOG.warn("Audit sealing postponed: appending transactions still open ({})", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private int sealThrough(Boundary boundary) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SEALING).query(Object.class).single();
    long previous = jdbc.sql("SELECT COALESCE(MAX(sealed_through), 0) FROM audit_seal_run").query(Long.class).single();
    if (boundary.sealedThrough() <= previous) {
      return 0;
    }
    long run = jdbc.sql("INSERT INTO audit_seal_run (sealed_through, taken_at) VALUES (?, ?) RETURNING id")
        .param(boundary.sealedThrough()).param(Timestamp.from(boundary.takenAt().toInstant()))
        .query(Long.class).single();
    Map<String, Head> heads = new HashMap<>();
    int sealed = 0;
    long after = previous;
    List<AuditChain.Row> batch;
    do {
      batch = jdbc.sql("SELECT " + AuditChain.COLUMNS + " FROM audit_event WHERE id > ? AND id <= ? ORDER BY id LIMIT "
              + BATCH)
          .param(after).param(boundary.sealedThrough()).query(AuditChain.ROW).list();
      for (AuditChain.Row row : batch) {
        YearMonth month = row.month();
        String chain = row.authorityCode() + " " + month;
        Head head = heads.computeIfAbsent(chain, key -> headOf(row.authorityCode(), month));
        Head next = new Head(head.position() + 1, AuditChain.link(head.hash(), row));
        jdbc.sql("INSERT INTO audit_seal (event_id, authority_code, chain_month, position, hash, run_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
            .params(row.id(), row.authorityCode(), month.atDay(1), next.position(), next.hash(), run).update();
        heads.put(chain, next);
        after = row.id();
      }
      sealed += batch.size();
    } while (batch.size() == BATCH);
    return sealed;
  }

  private Head headOf(String authorityCode, YearMonth month) {
    return jdbc.sql("SELECT position, hash FROM audit_seal WHERE authority_code = ? AND chain_month = ? "
            + "ORDER BY position DESC LIMIT 1")
        .param(authorityCode).param(month.atDay(1))
        .query((rs, row) -> new Head(rs.getLong(1), rs.getBytes(2))).optional()
        .orElseGet(() -> new Head(0, AuditChain.genesis(authorityCode, month)));
  }
}
