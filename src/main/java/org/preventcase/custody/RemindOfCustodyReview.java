package org.preventcase.custody;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.deadline.Deadlines;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${remindOfCustodyReview}`, when the held case's review falls due (a job, no one signed in): the case
 * owner's group is reminded through the outbox; the reference, the task and its due date only.
 */
@Component("remindOfCustodyReview")
class RemindOfCustodyReview implements JavaDelegate {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final Notifications notifications;

  RemindOfCustodyReview(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date due = (Date) execution.getVariable(Deadlines.variableName(Custody.REVIEW));
    notifications.send(new Notification(execution.getTenantId(), (String) execution.getVariable(IntakeVariables.CASE_REF),
        MessageType.TASK_REMINDER, new Recipient.GroupMembers((String) execution.getVariable(GatewayVariables.CASE_OWNER_GROUP)),
        MessageFacts.task(Custody.REVIEW_TASK_NAME, LocalDate.ofInstant(due.toInstant(), LONDON)),
        "custody-review-" + execution.getProcessInstanceId() + "-" + due.getTime()));
  }
}
