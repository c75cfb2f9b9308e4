package org.preventcase.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * "Notify this group / this referrer / this address about this case": queues the message in the
 * outbox, inside the transaction of the case change that causes it (it refuses to run outside one),
 * so a rolled-back change sends nothing and a committed one is never lost. The dispatcher sends it.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final NotificationsProperties properties;
  private final Clock clock;

  public Notifications(JdbcTemplate jdbc, IdentityService identity, NotificationsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.properties = properties;
    this.clock = clock;
  }

  /** Queues the message for each address; returns how many were newly queued (0 for a repeated event). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int send(Notification notification) {
    List<String> addresses = addressesOf(notification);
    if (addresses.isEmpty()) {
      LOG.warn("No address for {} about case {} to {}: nothing queued", notification.type(),
          notification.caseReference(), kind(notification.recipient()));
    }
    Timestamp now = Timestamp.from(clock.instant());
    int queued = 0;
    for (String address : addresses) {
      queued += jdbc.update("""
          INSERT INTO notification_outbox (authority_code, case_reference, message_type, channel, recipient_kind,
            recipient_group, recipient, facts, dedup_key, next_attempt_at, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)
          ON CONFLICT (dedup_key) DO NOTHING""",
          notification.authorityCode(), notification.caseReference(), notification.type().name(),
          properties.channelOf(notification.type()).name(), kind(notification.recipient()),
          notification.recipient() instanceof Recipient.GroupMembers group ? group.groupId() : null,
          address, notification.facts().toJson(), dedupKey(notification, address), now, now);
    }
    return queued;
  }

  private List<String> addressesOf(Notification notification) {
    Recipient recipient = notification.recipient();
    if (recipient instanceof Recipient.GroupMembers group) {
      return identity.createUserQuery().memberOfGroup(group.groupId()).memberOfTenant(notification.authorityCode())
          .list().stream().map(User::getEmail).filter(StringUtils::hasText).distinct().sorted().toList();
    }
    return List.of(requireAddress(recipient instanceof Recipient.Referrer referrer
        ? referrer.address() : ((Recipient.Address) recipient).address()));
  }

  private static String requireAddress(String address) {
    if (address == null || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException("Not an e-mail address");
    }
    return address;
  }

  static String kind(Recipient recipient) {
    if (recipient instanceof Recipient.GroupMembers) {
      return "GROUP_MEMBER";
    }
    return recipient instanceof Recipient.Referrer ? "REFERRER" : "ADDRESS";
  }

  /** One key per message and address: the SMTP Message-ID and the GOV.UK Notify reference. */
  static String dedupKey(Notification notification, String address) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", notification.type().name(),
          notification.authorityCode(), notification.caseReference(), notification.eventId(), address)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
