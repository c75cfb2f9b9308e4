package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.casefile.PanelOutcome;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${recordInquorateListing}` (panel-case, Task_RecordInquorate): the meeting was inquorate for the
 * case (s37(3): no representative of its local authority, or no police representative from the force
 * where the person lives), so the case is not decided there; recorded on the listing and as an entry.
 */
@Component("recordInquorateListing")
public class RecordInquorateListing implements JavaDelegate {

  private final CaseService cases;
  private final Actors actors;

  public RecordInquorateListing(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    record(cases, actors, execution, "Not decided: the panel meeting of " + execution.getVariable(Panel.MEETING_DATE_LABEL)
        + " was inquorate for the case (s37(3)); listed at the next meeting");
  }

  /** The listing at the execution's meeting recorded as inquorate, and an entry saying so in these words. */
  static void record(CaseService cases, Actors actors, DelegateExecution execution, String summary) {
    long meetingId = Panel.meetingId(execution);
    String reference = Panel.caseReference(execution);
    Purpose purpose = new Purpose(Purpose.Code.PROCESS, "panel meeting " + meetingId + " inquorate");
    cases.recordPanelOutcome(actors.acting(execution), reference, meetingId, PanelOutcome.inquorate(), purpose);
    cases.addEntry(actors.acting(execution), reference, new NewEntry(EntryKind.DECISION, summary, null), purpose);
  }
}
