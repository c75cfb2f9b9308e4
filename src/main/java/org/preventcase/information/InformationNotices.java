package org.preventcase.information;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.PartnerAgency;
import org.springframework.stereotype.Component;

/**
 * The messages of an information request, through the outbox in the step's transaction
 * (docs/notifications.md): to the agency's group, that a request is waiting (and when it is due),
 * a reminder, and a neutral word when it is withdrawn; to the case owner's group and the Prevent
 * managers, that it is overdue. References, the task's name, the due date and links only.
 */
@Component
class InformationNotices {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final Notifications notifications;

  InformationNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  /** A request is waiting for the agency, due then; {@code eventId} tells a new due date from a retry. */
  void requestWaiting(String authority, String reference, PartnerAgency agency, Date due, String eventId) {
    toAgency(authority, reference, agency, MessageType.INFORMATION_REQUEST, due, eventId);
  }

  void reminder(String authority, String reference, PartnerAgency agency, Date due, String eventId) {
    toAgency(authority, reference, agency, MessageType.INFORMATION_REQUEST_REMINDER, due, eventId);
  }

  void withdrawn(String authority, String reference, PartnerAgency agency, String eventId) {
    notifications.send(new Notification(authority, reference, MessageType.INFORMATION_REQUEST_WITHDRAWN,
        new Recipient.GroupMembers(agency.groupId()), MessageFacts.NONE, eventId));
  }

  /** The agency's request was due then and is not answered: the case owner's group and the Prevent managers. */
  void overdue(String authority, String reference, String caseOwnerGroup, PartnerAgency agency, Date due,
      String eventId) {
    MessageFacts facts = MessageFacts.task(InformationGathering.REQUEST_TASK_NAME + " (" + agency.label() + ")",
        day(due));
    for (String group : new String[] {caseOwnerGroup, Role.PREVENT_MANAGER.groupId()}) {
      notifications.send(new Notification(authority, reference, MessageType.TASK_ESCALATION,
          new Recipient.GroupMembers(group), facts, eventId));
    }
  }

  private void toAgency(String authority, String reference, PartnerAgency agency, MessageType type, Date due,
      String eventId) {
    notifications.send(new Notification(authority, reference, type, new Recipient.GroupMembers(agency.groupId()),
        MessageFacts.task(InformationGathering.REQUEST_TASK_NAME, day(due)), eventId));
  }

  static LocalDate day(Date due) {
    return LocalDate.ofInstant(due.toInstant(), LONDON);
  }
}
