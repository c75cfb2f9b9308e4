package org.preventcase.gateway;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.AssuranceDecision;
import org.preventcase.vocabulary.GatewayVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordAssuranceReview}`, the complete listener of a Prevent manager's assurance review of a
 * closure: the manager's decision and rationale are a review entry by the manager; the rationale
 * leaves the engine.
 */
@Component("recordAssuranceReview")
public class RecordAssuranceReview implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  public RecordAssuranceReview(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedDecision submitted = new SubmittedDecision(task);
    AssuranceDecision decision = submitted.choice(GatewayVariables.ASSURANCE_DECISION, AssuranceDecision.class);
    cases.addReview(actors.acting(task.getExecution()), submitted.caseReference(),
        submitted.entry(EntryKind.REVIEW, "Assurance review: " + decision.label()), submitted.purpose());
    submitted.removeFromEngine();
  }
}
