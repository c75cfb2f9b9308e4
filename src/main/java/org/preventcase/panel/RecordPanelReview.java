package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.casefile.PanelOutcome;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.ReviewDecision;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordPanelReview}`, the complete listener of the support stage's Task_ReviewAdoptedCase: the
 * panel's review of an adopted case at a meeting (CONTINUE, REVISE_PLAN, WITHDRAW_SUPPORT, EXIT) is a
 * REVIEW entry by the chair with its rationale, and the listing's outcome; reviewOutcome (the code)
 * is what the support stage acts on.
 */
@Component("recordPanelReview")
public class RecordPanelReview implements TaskListener {

  static final String DECISION = "reviewDecision";
  static final String RATIONALE = "reviewRationale";
  private final CaseService cases;
  private final Actors actors;

  public RecordPanelReview(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    var execution = task.getExecution();
    ReviewDecision decision = RecordPanelAssessment.required(Submitted.choice(execution, DECISION,
        ReviewDecision.class), DECISION);
    String rationale = RecordPanelAssessment.required(Submitted.text(execution, RATIONALE), RATIONALE);
    long meetingId = Panel.meetingId(task);
    String reference = Panel.caseReference(execution);
    Purpose purpose = new Purpose(Purpose.Code.TASK, task.getId());
    cases.addReview(actors.acting(execution), reference, new NewEntry(EntryKind.REVIEW, "Channel panel review: "
        + decision.label(), rationale), purpose);
    cases.recordPanelOutcome(actors.acting(execution), reference, meetingId,
        new PanelOutcome(decision.name(), null, null, null), purpose);
    Submitted.remove(execution, DECISION, RATIONALE);
    execution.setVariable(SupportVariables.REVIEW_OUTCOME, decision.name());
  }
}
