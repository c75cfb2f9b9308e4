package org.preventcase.information;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.deadline.DeadlinesProperties;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.OverdueDecision;
import org.preventcase.vocabulary.PartnerAgency;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * `${recordOverdueDecision}`, when the case owner decides on an overdue request: the decision is an
 * entry of the case; the request's own {@code waitForAgency} says which way the flow goes, and
 * waiting longer moves its {@code informationRequestDueAt} to the end of the working day
 * (prevent.deadlines.end-of-working-day, London) of the new date. The submitted fields leave the engine.
 */
@Component("recordOverdueDecision")
class RecordOverdueDecision implements TaskListener {

  private final CaseService cases;
  private final Actors actors;
  private final DeadlinesProperties deadlines;
  private final Clock clock;
  private final UkTime uk;

  RecordOverdueDecision(CaseService cases, Actors actors, DeadlinesProperties deadlines, Clock clock, UkTime uk) {
    this.uk = uk;
    this.cases = cases;
    this.actors = actors;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    OverdueDecision decision = Submitted.choice(task, InformationGathering.OVERDUE_DECISION, OverdueDecision.class)
        .orElseThrow(() -> new IllegalArgumentException("Select whether to wait longer or go on without the agency"));
    PartnerAgency agency = InformationGathering.agency(task);
    NewEntry entry;
    if (decision == OverdueDecision.WAIT_LONGER) {
      NewDueDate.Reading reading = NewDueDate.read(task::getVariable, LocalDate.now(clock.withZone(deadlines.zone())));
      LocalDate day = reading.date().orElseThrow(() -> new IllegalArgumentException(reading.problem()));
      Date due = Date.from(day.atTime(deadlines.endOfWorkingDay()).atZone(deadlines.zone()).toInstant());
      task.setVariable(InformationGathering.DUE_AT, due);
      task.setVariable(InformationGathering.DUE_LABEL, uk.date(due));
      entry = new NewEntry(EntryKind.DECISION, "Wait for " + agency.label() + " until " + uk.date(due),
          "The information request to " + agency.label() + " is overdue; the case owner waits for its answer until "
              + uk.date(due) + ".");
    } else {
      entry = new NewEntry(EntryKind.DECISION, "Go on without " + agency.label(), "The information request to "
          + agency.label() + " is overdue; the case goes on without its answer and the request is withdrawn.");
    }
    task.setVariable(InformationGathering.WAIT_FOR_AGENCY, decision == OverdueDecision.WAIT_LONGER);
    cases.addEntry(actors.acting(task.getExecution()), InformationGathering.caseReference(task), entry,
        new Purpose(Purpose.Code.TASK, task.getId()));
    Submitted.remove(task, InformationGathering.OVERDUE_DECISION, NewDueDate.DAY, NewDueDate.MONTH, NewDueDate.YEAR);
  }
}
