package org.preventcase.information;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.PartnerAgency;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * `${escalateOverdueInformationRequest}`, when an agency's request passes its due date unanswered (a
 * timer job, as the system actor of the case's authority): a case entry says so, and the case owner's
 * group and the Prevent managers are told (TASK_ESCALATION), in one transaction. The agency's task
 * stays open; the case owner then decides whether to wait longer.
 */
@Component("escalateOverdueInformationRequest")
class EscalateOverdueInformationRequest implements JavaDelegate {

  private final CaseService cases;
  private final InformationNotices notices;
  private final Actors actors;
  private final UkTime uk;

  EscalateOverdueInformationRequest(CaseService cases, InformationNotices notices, Actors actors, UkTime uk) {
    this.uk = uk;
    this.cases = cases;
    this.notices = notices;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InformationGathering.Request request = InformationGathering.request(execution);
    PartnerAgency agency = request.agency();
    Date due = request.due();
    cases.addEntry(actors.acting(execution), request.caseReference(), new NewEntry(EntryKind.NOTE,
        "Information request overdue: " + agency.label(), "The information request to " + agency.label()
            + " was due by " + uk.date(due) + " and has not been answered; the case owner's "
            + "group and the Prevent managers have been told."),
        new Purpose(Purpose.Code.PROCESS, "information request overdue"));
    notices.overdue(request.authority(), request.caseReference(),
        (String) execution.getVariable(InformationGathering.CASE_OWNER_GROUP), agency, due,
        request.eventId("overdue") + "-" + due.getTime());
  }
}
