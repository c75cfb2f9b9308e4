package org.preventcase.notify;

import java.util.Objects;

/**
 * One message about one case.
 *
 * @param eventId what caused it (a task id, a referral id, a review date): the same event notified
 *     twice, for instance when a failed job is retried, queues the message once
 */
public record Notification(String authorityCode, String caseReference, MessageType type, Recipient recipient,
    MessageFacts facts, String eventId) {

  public Notification {
    Objects.requireNonNull(authorityCode, "authorityCode");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(eventId, "eventId");
    facts = facts == null ? MessageFacts.NONE : facts;
    MessageFacts.requireMatch("caseReference", Objects.requireNonNull(caseReference, "caseReference"),
        MessageFacts.REFERENCE);
  }
}
