package org.preventcase.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages that keep failing, for the people who can act: the actuator health (`notifications`
 * shows DEGRADED, which keeps the application serving), the metrics `prevent.notifications.stuck`
 * and `prevent.notifications.pending`, and the managers' list. Not a Cockpit incident: the case's
 * process may have ended long before.
 */
@Component("notificationsHealthIndicator")
public class StuckNotifications implements HealthIndicator, MeterBinder {

  public static final Status DEGRADED = new Status("DEGRADED", "messages keep failing; see /notifications/stuck");

  /** A message raised for managers: no content beyond references and the failure's type. */
  public record Stuck(long id, String authorityCode, String caseReference, String messageType, String recipientKind,
      String recipientGroup, String recipient, int attempts, String lastFailure, Instant queuedAt, Instant raisedAt,
      Instant nextAttemptAt) {}

  private final JdbcTemplate jdbc;

  public StuckNotifications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Stuck> list() {
    return jdbc.query("""
        SELECT id, authority_code, case_reference, message_type, recipient_kind, recipient_group, recipient, attempts,
               last_failure, created_at, alerted_at, next_attempt_at
        FROM notification_outbox WHERE status = 'PENDING' AND alerted_at IS NOT NULL ORDER BY alerted_at, id""",
        (row, n) -> new Stuck(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
            row.getString(6), row.getString(7), row.getInt(8), row.getString(9), row.getTimestamp(10).toInstant(),
            row.getTimestamp(11).toInstant(), row.getTimestamp(12).toInstant()));
  }

  long stuck() {
    return count("status = 'PENDING' AND alerted_at IS NOT NULL");
  }

  long pending() {
    return count("status = 'PENDING'");
  }

  private long count(String condition) {
    Long count = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE " + condition, Long.class);
    return count == null ? 0 : count;
  }

  @Override
  public Health health() {
    long stuck = stuck();
    return (stuck > 0 ? Health.status(DEGRADED) : Health.up()).withDetail("stuck", stuck)
        .withDetail("pending", pending()).build();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("prevent.notifications.stuck", this, StuckNotifications::stuck)
        .description("Queued messages that have failed too often and are raised for managers").register(registry);
    Gauge.builder("prevent.notifications.pending", this, StuckNotifications::pending)
        .description("Messages queued and not yet delivered").register(registry);
  }
}
