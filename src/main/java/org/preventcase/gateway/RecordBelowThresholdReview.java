package org.preventcase.gateway;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.LocalReviewDecision;
import org.springframework.stereotype.Component;

/**
 * `${recordBelowThresholdReview}`, the complete listener of the review of a case kept under the local
 * below-threshold arrangement: a review entry by the case owner; closing it makes gatewayOutcome
 * NFA_CLOSED (with its reason), screening it again leaves the outcome to the new screening.
 */
@Component("recordBelowThresholdReview")
public class RecordBelowThresholdReview implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  public RecordBelowThresholdReview(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedDecision submitted = new SubmittedDecision(task);
    LocalReviewDecision decision = submitted.choice(GatewayVariables.LOCAL_REVIEW_DECISION, LocalReviewDecision.class);
    boolean close = decision == LocalReviewDecision.CLOSE;
    if (close) {
      submitted.closingDetails(GatewayOutcome.NFA_CLOSED);
      task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME, GatewayOutcome.NFA_CLOSED.name());
      task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME_LABEL, GatewayOutcome.NFA_CLOSED.label());
    }
    submitted.record(cases, actors, submitted.entry(EntryKind.REVIEW, "Below-threshold review: " + decision.label()));
  }
}
