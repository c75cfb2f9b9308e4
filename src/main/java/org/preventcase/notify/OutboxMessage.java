package org.preventcase.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/** A queued message the dispatcher has claimed. */
record OutboxMessage(long id, String authorityCode, String caseReference, MessageType type,
    NotificationsProperties.Channel channel, String recipient, MessageFacts facts, String dedupKey, int attempts) {

  /** Every value the message's template may use: references, links and the facts. */
  Map<String, String> placeholders(String publicUrl) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("caseReference", caseReference);
    values.put("caseLink", publicUrl + "/cases/" + caseReference);
    values.put("tasklistLink", publicUrl + "/camunda/app/tasklist/");
    if (type == MessageType.PANEL_AGENDA) {
      // a panel meeting's notice is about the meeting: its reference is PM-<meeting id>
      values.put("meetingLink", publicUrl + "/meetings/" + caseReference.substring(caseReference.indexOf('-') + 1));
    }
    if (type == MessageType.AUDIT_DIGEST) {
      values.put("verificationLink", publicUrl + "/audit/verification");
    }
    values.putAll(facts.placeholders());
    return values;
  }
}
