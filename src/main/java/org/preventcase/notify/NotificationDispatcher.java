package org.preventcase.notify;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.preventcase.casefile.CaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due from the outbox: claims a batch (several instances never take the same row),
 * delivers each message through its channel, and records the outcome. A failure leaves the message
 * queued with a doubling wait; after the configured number of failures it is raised for managers
 * (health, metric and list), and still retried. A claim that is never settled (a crash mid-send)
 * expires, and the message is sent again under the same de-duplication key: delivery is
 * at-least-once.
 */
@Component
public class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
  private final JdbcTemplate jdbc;
  private final NotificationsProperties properties;
  private final Clock clock;
  private final Map<NotificationsProperties.Channel, MessageChannel> channels =
      new EnumMap<>(NotificationsProperties.Channel.class);
  private final MeterRegistry meters;
  private final CaseService cases;
  private final TransactionTemplate transaction;

  public NotificationDispatcher(JdbcTemplate jdbc, NotificationsProperties properties, Clock clock,
      List<MessageChannel> channels, MeterRegistry meters, CaseService cases, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    channels.forEach(channel -> this.channels.put(channel.kind(), channel));
  }

  @Scheduled(fixedDelayString = "${prevent.notifications.dispatch-interval}",
      initialDelayString = "${prevent.notifications.dispatch-interval}")
  public void dispatchOnSchedule() {
    dispatchDue();
  }

  /** Sends every message due now, batch by batch; returns how many were delivered. */
  public int dispatchDue() {
    int delivered = 0;
    List<OutboxMessage> batch;
    do {
      batch = claimDue();
      Map<NotificationsProperties.Channel, List<OutboxMessage>> byChannel = batch.stream()
          .collect(Collectors.groupingBy(OutboxMessage::channel));
      for (var channel : byChannel.entrySet()) {
        Map<Long, Exception> failures = channels.get(channel.getKey()).deliver(channel.getValue());
        for (OutboxMessage message : channel.getValue()) {
          if (failures.containsKey(message.id())) {
            recordFailure(message, failures.get(message.id()));
          } else {
            recordDelivery(message);
            delivered++;
          }
        }
      }
    } while (batch.size() == properties.batchSize());
    return delivered;
  }

  /** Claims up to a batch of due messages until the claim timeout. */
  List<OutboxMessage> claimDue() {
    Instant now = clock.instant();
    return jdbc.query("""
        UPDATE notification_outbox SET claimed_until = ?
        WHERE id IN (SELECT id FROM notification_outbox
                     WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
                     ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING id, authority_code, case_reference, message_type, channel, recipient, facts, dedup_key, attempts""",
        outboxMessage(), Timestamp.from(now.plus(properties.claimTimeout())), Timestamp.from(now), Timestamp.from(now),
        properties.batchSize());
  }

  /** Marks the message sent and audits the disclosure, in one transaction. */
  private void recordDelivery(OutboxMessage message) {
    transaction.executeWithoutResult(status -> {
      markSent(message);
      cases.recordNotification(message.authorityCode(), message.caseReference(), message.type().name(),
          message.recipient());
    });
    meters.counter("prevent.notifications.sent", "channel", message.channel().name()).increment();
  }

  private void markSent(OutboxMessage message) {
    jdbc.update("UPDATE notification_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, "
        + "claimed_until = NULL WHERE id = ?", Timestamp.from(clock.instant()), message.id());
  }

  private void recordFailure(OutboxMessage message, Exception failure) {
    int attempts = message.attempts() + 1;
    Instant now = clock.instant();
    boolean alert = attempts >= properties.alertAfterAttempts();
    // the exception's type only: its message may repeat an address or a server's reply
    jdbc.update("""
        UPDATE notification_outbox SET attempts = ?, next_attempt_at = ?, claimed_until = NULL, last_failure = ?,
          alerted_at = CASE WHEN ? THEN COALESCE(alerted_at, ?) ELSE alerted_at END
        WHERE id = ?""",
        attempts, Timestamp.from(now.plus(properties.retryAfter(attempts))), failure.getClass().getSimpleName(),
        alert, Timestamp.from(now), message.id());
    meters.counter("prevent.notifications.failed", "channel", message.channel().name()).increment();
    if (alert) {
      LOG.warn("Notification {} ({} about case {}) has failed {} times: raised for managers", message.id(),
          message.type(), message.caseReference(), attempts);
    }
  }

  private RowMapper<OutboxMessage> outboxMessage() {
    return (row, number) -> new OutboxMessage(row.getLong("id"), row.getString("authority_code"),
        row.getString("case_reference"), MessageType.valueOf(row.getString("message_type")),
        NotificationsProperties.Channel.valueOf(row.getString("channel")), row.getString("recipient"),
        MessageFacts.fromJson(row.getString("facts")), row.getString("dedup_key"), row.getInt("attempts"));
  }
}
