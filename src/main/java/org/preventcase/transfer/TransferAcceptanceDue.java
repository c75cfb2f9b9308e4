package org.preventcase.transfer;

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
import org.preventcase.deadline.DueDateListener;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The acceptance's timers (a job: the system actor of the receiving authority), as the gateway's
 * deadlines do: `${remindOfDueTransferAcceptance}` reminds the receiving case owners that the
 * acceptance is due; `${escalateOverdueTransferAcceptance}` records in the receiving case that it is
 * overdue and tells the receiving authority's Prevent managers. Reference, task and due date only.
 */
final class TransferAcceptanceDue implements JavaDelegate {

  static final String TASK_NAME = "Accept the transferred case";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final CaseService cases;
  private final Notifications notifications;
  private final Actors actors;
  private final boolean overdue;

  TransferAcceptanceDue(CaseService cases, Notifications notifications, Actors actors, boolean overdue) {
    this.cases = cases;
    this.notifications = notifications;
    this.actors = actors;
    this.overdue = overdue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    LocalDate due = LocalDate.ofInstant(((Date) execution.getVariable(Deadlines.variableName(Transfers.ACCEPTANCE)))
        .toInstant(), LONDON);
    if (overdue) {
      cases.addEntry(actors.acting(execution), reference, new NewEntry(EntryKind.NOTE, "Transfer acceptance overdue",
          "The acceptance of the transferred case was due by " + due + "; the Prevent managers have been told."),
          new Purpose(Purpose.Code.PROCESS, "transfer acceptance overdue"));
    }
    notifications.send(new Notification(execution.getTenantId(), reference,
        overdue ? MessageType.TASK_ESCALATION : MessageType.TASK_REMINDER,
        new Recipient.GroupMembers(overdue ? Role.PREVENT_MANAGER.groupId()
            : (String) execution.getVariable(GatewayVariables.CASE_OWNER_GROUP)),
        MessageFacts.task(TASK_NAME, due), (overdue ? "transfer-overdue-" : "transfer-reminder-")
            + execution.getProcessInstanceId()));
  }

  /** The acceptance's due dates (prevent.deadlines.durations) and its timers' steps, named as transfer-in names them. */
  @Configuration
  static class Beans {

    /** transferAcceptanceDueAt: 15 working days by default. */
    @Bean
    DueDateListener setTransferAcceptanceDeadline(Deadlines deadlines) {
      return deadlines.listener(Transfers.ACCEPTANCE);
    }

    /** transferAcceptanceReminderDueAt: before the due date. */
    @Bean
    DueDateListener setTransferAcceptanceReminderDeadline(Deadlines deadlines) {
      return deadlines.listener(Transfers.ACCEPTANCE_REMINDER);
    }

    @Bean
    TransferAcceptanceDue remindOfDueTransferAcceptance(CaseService cases, Notifications notifications, Actors actors) {
      return new TransferAcceptanceDue(cases, notifications, actors, false);
    }

    @Bean
    TransferAcceptanceDue escalateOverdueTransferAcceptance(CaseService cases, Notifications notifications,
        Actors actors) {
      return new TransferAcceptanceDue(cases, notifications, actors, true);
    }
  }
}
