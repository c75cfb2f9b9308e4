package org.preventcase.auditdigest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.preventcase.audit.AuditSeal;
import org.preventcase.audit.AuditVerification;
import org.preventcase.audit.ChainHead;
import org.preventcase.authority.AuthoritiesProperties;
import org.preventcase.authority.AuthoritiesProperties.Authority;
import org.preventcase.database.ClusterJobs;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Role;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors the audit chains where the schema owner cannot rewrite them: every day each authority's
 * Prevent managers are sent the heads of its chains (no personal data) through the notifications
 * outbox, and keep them. The verification checks the chains against every digest sent
 * ({@link SentDigests}), and against any a manager hands back.
 */
@Component
public class AuditDigest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final AuditSeal seal;
  private final AuditVerification verification;
  private final Notifications notifications;
  private final AuthoritiesProperties authorities;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ClusterJobs cluster;

  public AuditDigest(AuditSeal seal, AuditVerification verification, Notifications notifications,
      AuthoritiesProperties authorities, TransactionTemplate transaction, Clock clock, ClusterJobs cluster) {
    this.cluster = cluster;
    this.seal = seal;
    this.verification = verification;
    this.notifications = notifications;
    this.authorities = authorities;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** By one node of a cluster (the day's de-duplication key would drop another node's digest anyway). */
  @Scheduled(cron = "${prevent.audit.digest-cron}", zone = "Europe/London")
  public void sendOnSchedule() {
    cluster.oncePer("audit-digest", ClusterJobs.DAILY, this::send);
  }

  /** Seals what is committed, then queues today's digest for each authority with sealed rows. */
  public int send() {
    seal.seal();
    int queued = 0;
    for (Authority authority : authorities.authorities()) {
      queued += send(authority.code());
    }
    return queued;
  }

  /** Queues today's digest of one authority for its managers; returns how many messages were queued. */
  public int send(String authorityCode) {
    List<ChainHead> heads = verification.heads(authorityCode);
    if (heads.isEmpty()) {
      return 0;
    }
    String day = LocalDate.now(clock.withZone(LONDON)).format(DAY);
    Integer queued = transaction.execute(status -> notifications.send(new Notification(authorityCode,
        reference(day), MessageType.AUDIT_DIGEST, new Recipient.GroupMembers(Role.PREVENT_MANAGER.groupId()),
        MessageFacts.auditHeads(heads), "audit-digest-" + day)));
    return queued == null ? 0 : queued;
  }

  /** What the digest is about, in place of a case reference: the day it was sent. */
  static String reference(String day) {
    return "AUDIT-" + day;
  }
}
