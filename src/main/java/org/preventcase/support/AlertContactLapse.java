package org.preventcase.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${alertContactLapse}` (support, Task_AlertContactLapse, on the timer Event_ContactLapsed): no
 * contact recorded for prevent.support.contact-lapse, so the Channel coordinators and the panel chairs
 * of the case's authority are told through the outbox (CONTACT_LAPSED: the case reference and links,
 * no personal data), once per lapse, before anyone has formally withdrawn.
 */
@Component("alertContactLapse")
public class AlertContactLapse implements JavaDelegate {

  private final Notifications notifications;

  public AlertContactLapse(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    for (Role role : new Role[] {Role.CHANNEL_COORDINATOR, Role.PANEL_CHAIR}) {
      notifications.send(new Notification(execution.getTenantId(), reference, MessageType.CONTACT_LAPSED,
          new Recipient.GroupMembers(role.groupId()), MessageFacts.NONE, execution.getActivityInstanceId()));
    }
  }
}
