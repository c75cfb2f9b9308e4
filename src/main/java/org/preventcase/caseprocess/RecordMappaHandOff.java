package org.preventcase.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordMappaHandOff}`, the complete listener of the MAPPA coordinator's hand-off task: the
 * hand-off is a review entry in the case record by the coordinator (who may record it and close the
 * case, never view it); the confirmation leaves the engine.
 */
@Component("recordMappaHandOff")
public class RecordMappaHandOff implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  public RecordMappaHandOff(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(GatewayVariables.MAPPA_HAND_OFF_CONFIRMED))) {
      throw new IllegalArgumentException("Confirm that the case has been handed to the MAPPA arrangements");
    }
    cases.addReview(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF),
        new NewEntry(EntryKind.REVIEW, "Handed to MAPPA: the MAPPA arrangements lead", null),
        new Purpose(Purpose.Code.TASK, task.getId()));
    task.getExecution().removeVariable(GatewayVariables.MAPPA_HAND_OFF_CONFIRMED);
  }
}
