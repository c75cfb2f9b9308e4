package org.preventcase.custody;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.CustodyBasis;
import org.preventcase.vocabulary.CustodyDecision;
import org.preventcase.vocabulary.CustodyVariables;
import org.preventcase.vocabulary.DesistanceAndDisengagement;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.ProbationInvolvement;
import org.springframework.stereotype.Component;

/**
 * `${recordCustodyHandOff}`, the complete listener of Task_RecordCustodyHandOff: why the person is in
 * custody, where, probation's part, the Desistance and Disengagement Programme's, the decision and the
 * case owner's notes become one review entry of the case record; they then leave the engine, but the
 * decision (custodyDecision), which the case process routes on. The form check has already refused a
 * missing or unknown value; one reaching here another way is refused by its field's name.
 */
@Component("recordCustodyHandOff")
class RecordCustodyHandOff implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  RecordCustodyHandOff(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    CustodyBasis basis = required(Submitted.choice(task, CustodyVariables.CUSTODY_BASIS, CustodyBasis.class),
        CustodyVariables.CUSTODY_BASIS);
    String establishment = required(Submitted.text(task, CustodyVariables.CUSTODY_ESTABLISHMENT),
        CustodyVariables.CUSTODY_ESTABLISHMENT).strip();
    ProbationInvolvement probation = required(Submitted.choice(task, CustodyVariables.PROBATION_INVOLVEMENT,
        ProbationInvolvement.class), CustodyVariables.PROBATION_INVOLVEMENT);
    DesistanceAndDisengagement programme = required(Submitted.choice(task,
        CustodyVariables.DESISTANCE_AND_DISENGAGEMENT, DesistanceAndDisengagement.class),
        CustodyVariables.DESISTANCE_AND_DISENGAGEMENT);
    CustodyDecision decision = required(Submitted.choice(task, CustodyVariables.CUSTODY_DECISION,
        CustodyDecision.class), CustodyVariables.CUSTODY_DECISION);
    String details = String.join("\n", basis.label() + ": " + establishment, "Probation: " + probation.label(),
        "Desistance and Disengagement Programme: " + programme.label(), "Decision: " + decision.label());
    String body = Submitted.text(task, CustodyVariables.CUSTODY_HAND_OFF_NOTE).map(note -> details + "\n\n" + note)
        .orElse(details);
    cases.addReview(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF),
        new NewEntry(EntryKind.REVIEW, "Handed to prison and probation services", body),
        new Purpose(Purpose.Code.TASK, task.getId()));
    Submitted.remove(task.getExecution(), CustodyVariables.CUSTODY_BASIS, CustodyVariables.CUSTODY_ESTABLISHMENT,
        CustodyVariables.PROBATION_INVOLVEMENT, CustodyVariables.DESISTANCE_AND_DISENGAGEMENT,
        CustodyVariables.CUSTODY_HAND_OFF_NOTE);
    task.getExecution().setVariable(CustodyVariables.CUSTODY_DECISION, decision.name());
  }

  static <T> T required(java.util.Optional<T> value, String field) {
    return value.orElseThrow(() -> new IllegalArgumentException(field + ": this answer is required"));
  }
}
