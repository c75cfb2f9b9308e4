package org.preventcase.database;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that several application instances on one database must not do at once, or more than once
 * (docs/scale-out.md). Start-up provisioning and other idempotent work take turns on a
 * transaction-scoped PostgreSQL advisory lock; a scheduled job that every node's scheduler fires at the
 * same time claims its run in scheduled_run, so that one node runs it.
 */
@Component
public class ClusterJobs {

  /** A daily job's gap: a node firing it within the hour after another node started it leaves it. */
  public static final Duration DAILY = Duration.ofHours(1);
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  public ClusterJobs(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * Runs the work in one transaction holding the lock of this key, after any other node's work under
   * the same key has committed (the lock is released with the transaction, or with a lost connection).
   */
  public <T> T inTurn(long key, Supplier<T> work) {
    return transaction.execute(status -> {
      jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key).query(Object.class).single();
      return work.get();
    });
  }

  /**
   * Runs the job here unless a node (this one or another) started it within the gap; returns whether it
   * ran here. The claim commits before the work, so a run that fails is not taken up by another node
   * before the gap has passed: the next scheduled run does it.
   */
  public boolean oncePer(String job, Duration gap, Runnable work) {
    boolean claimed = !jdbc.sql("""
        INSERT INTO scheduled_run (job, started_at) VALUES (?, now())
        ON CONFLICT (job) DO UPDATE SET started_at = now()
          WHERE scheduled_run.started_at <= now() - make_interval(secs => ?)
        RETURNING job""")
        .param(job).param(gap.toSeconds()).query(String.class).list().isEmpty();
    if (claimed) {
      work.run();
    }
    return claimed;
  }
}
