package org.preventcase.aftercare;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.SupportVariables;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * `${announcePostExitReview}`, a create listener of Task_ReviewAfterExit: the Channel coordinators of
 * the case's authority are told the review is due (POST_EXIT_REVIEW_DUE through the outbox: the case
 * reference, the date and links, no personal data).
 */
@Component("announcePostExitReview")
public class AnnouncePostExitReview implements TaskListener {

  private final Notifications notifications;

  public AnnouncePostExitReview(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    Date due = (Date) task.getVariable(SupportVariables.POST_EXIT_REVIEW_DUE_AT);
    notifications.send(new Notification(task.getTenantId(), (String) task.getVariable(IntakeVariables.CASE_REF),
        MessageType.POST_EXIT_REVIEW_DUE, new Recipient.GroupMembers(Role.CHANNEL_COORDINATOR.groupId()),
        MessageFacts.dueOn(due.toInstant().atZone(UkTime.LONDON).toLocalDate()), task.getId()));
  }
}
