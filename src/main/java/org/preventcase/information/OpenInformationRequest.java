package org.preventcase.information;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.deadline.Deadlines;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.PartnerAgency;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * `${openInformationRequest}`, at the start of one agency's request: records the request in the case
 * (to that agency, what is asked, due when) and gives the request its own variables, local to it:
 * the agency's label and group, the due date (prevent.deadlines.durations.information-request, 10
 * working days by default) in words too ("30 December 2026", London), and the reminder before it (information-request-reminder).
 */
@Component("openInformationRequest")
class OpenInformationRequest implements ExecutionListener {

  private final CaseService cases;
  private final Actors actors;
  private final Deadlines deadlines;
  private final Clock clock;
  private final UkTime uk;

  OpenInformationRequest(CaseService cases, Actors actors, Deadlines deadlines, Clock clock, UkTime uk) {
    this.uk = uk;
    this.cases = cases;
    this.actors = actors;
    this.deadlines = deadlines;
    this.clock = clock;
    Instant now = clock.instant();
    if (!deadlines.dueAt(InformationGathering.REMINDER, now).isBefore(deadlines.dueAt(InformationGathering.DEADLINE, now))) {
      throw new IllegalStateException("prevent.deadlines.durations." + InformationGathering.REMINDER
          + " must fall before " + InformationGathering.DEADLINE + ": the reminder comes before the due date");
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    PartnerAgency agency = InformationGathering.agency(execution);
    Instant now = clock.instant();
    Date due = Date.from(deadlines.dueAt(InformationGathering.DEADLINE, now));
    execution.setVariableLocal(InformationGathering.AGENCY_LABEL, agency.label());
    execution.setVariableLocal(InformationGathering.AGENCY_GROUP, agency.groupId());
    execution.setVariableLocal(InformationGathering.DUE_AT, due);
    execution.setVariableLocal(InformationGathering.DUE_LABEL, uk.date(due));
    execution.setVariableLocal(InformationGathering.REMINDER_AT,
        Date.from(deadlines.dueAt(InformationGathering.REMINDER, now)));
    execution.setVariableLocal(InformationGathering.WAIT_FOR_AGENCY, false);
    Object asked = execution.getVariable(InformationGathering.ASKED_ENTRY_ID);
    if (!(asked instanceof Number entry)) {
      throw new IllegalStateException("The request names no entry saying what is asked");
    }
    cases.openInformationRequest(actors.acting(execution), InformationGathering.caseReference(execution), agency,
        entry.longValue(), due.toInstant(), new Purpose(Purpose.Code.PROCESS, "information request opened"));
  }
}
