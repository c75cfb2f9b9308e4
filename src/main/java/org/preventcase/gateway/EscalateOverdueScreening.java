package org.preventcase.gateway;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.deadline.Deadlines;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${escalateOverdueScreening}`, after the screening timer fires (a job: no one is signed in, so it
 * acts as the system actor of the case's authority): records in the case that the screening is
 * overdue and tells the Prevent managers through the outbox (process.md §2.2: 5 working days,
 * escalating), in one transaction.
 */
@Component("escalateOverdueScreening")
public class EscalateOverdueScreening implements JavaDelegate {

  static final String TASK_NAME = "Screening";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final CaseService cases;
  private final Notifications notifications;
  private final Actors actors;

  public EscalateOverdueScreening(CaseService cases, Notifications notifications, Actors actors) {
    this.cases = cases;
    this.notifications = notifications;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    Date due = (Date) execution.getVariable(Deadlines.variableName(GatewayDeadlines.SCREENING));
    LocalDate dueDay = LocalDate.ofInstant(due.toInstant(), LONDON);
    cases.addEntry(actors.acting(execution), reference, new NewEntry(EntryKind.NOTE, "Screening overdue",
        "The screening (deconfliction and gateway screening) was due by " + dueDay + " and is not complete; the Prevent managers "
            + "have been told."), new Purpose(Purpose.Code.PROCESS, "screening overdue"));
    notifications.send(new Notification(execution.getTenantId(), reference, MessageType.TASK_ESCALATION,
        new Recipient.GroupMembers(Role.PREVENT_MANAGER.groupId()), MessageFacts.task(TASK_NAME, dueDay),
        "screening-overdue-" + execution.getProcessInstanceId()));
  }
}
