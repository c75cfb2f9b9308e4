package org.preventcase.custody;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.CustodyVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.ReleaseDecision;
import org.springframework.stereotype.Component;

/**
 * `${recordCustodyRelease}`, the complete listener of Task_AwaitRelease: the case owner's review of the
 * held case (still in custody, screen it again, or close it) and its note become a review entry; the
 * note leaves the engine, the decision (releaseDecision) stays for the case process's route.
 */
@Component("recordCustodyRelease")
class RecordCustodyRelease implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  RecordCustodyRelease(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    ReleaseDecision decision = RecordCustodyHandOff.required(Submitted.choice(task, CustodyVariables.RELEASE_DECISION,
        ReleaseDecision.class), CustodyVariables.RELEASE_DECISION);
    cases.addReview(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF),
        new NewEntry(EntryKind.REVIEW, "Custody review: " + decision.label(),
            Submitted.text(task, CustodyVariables.CUSTODY_REVIEW_NOTE).orElse(null)),
        new Purpose(Purpose.Code.TASK, task.getId()));
    Submitted.remove(task.getExecution(), CustodyVariables.CUSTODY_REVIEW_NOTE);
    task.getExecution().setVariable(CustodyVariables.RELEASE_DECISION, decision.name());
  }
}
