package org.preventcase.caseprocess;

import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.Urgency;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Role;
import org.springframework.stereotype.Component;

/**
 * `${notifyPoliceOfImmediateRisk}`, a create listener of the police's first task of a referral: a
 * task created at the priority of an immediate risk is announced to the police group through the
 * outbox, in the transaction that creates it (the reference and the task name, nothing else).
 */
@Component("notifyPoliceOfImmediateRisk")
public class NotifyPoliceOfImmediateRisk implements TaskListener {

  private final Notifications notifications;

  public NotifyPoliceOfImmediateRisk(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getPriority() < Urgency.IMMEDIATE_RISK.taskPriority()) {
      return;
    }
    notifications.send(new Notification(task.getTenantId(), (String) task.getVariable(IntakeVariables.CASE_REF),
        MessageType.URGENT_REFERRAL, new Recipient.GroupMembers(Role.POLICE_PREVENT_OFFICER.groupId()),
        MessageFacts.task(task.getName(), null), task.getId()));
  }
}
