package org.preventcase.gateway;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.preventcase.deadline.Deadlines;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${remindOfDueScreening}`, after the screening's reminder timer (a job: the system actor): every
 * group the open screening task is offered to (the police for the deconfliction, the case owner's
 * group for the screening) is reminded, through the outbox, that it is due. Reference, task and due
 * date only.
 */
@Component("remindOfDueScreening")
public class RemindOfDueScreening implements JavaDelegate {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final Notifications notifications;

  public RemindOfDueScreening(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    Date due = (Date) execution.getVariable(Deadlines.variableName(GatewayDeadlines.SCREENING));
    LocalDate dueDay = LocalDate.ofInstant(due.toInstant(), LONDON);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list()) {
      String taskName = task.getName().split(": ", 2)[0];
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          notifications.send(new Notification(execution.getTenantId(), reference, MessageType.TASK_REMINDER,
              new Recipient.GroupMembers(link.getGroupId()), MessageFacts.task(taskName, dueDay),
              "screening-reminder-" + task.getId() + "-" + link.getGroupId()));
        }
      }
    }
  }
}
