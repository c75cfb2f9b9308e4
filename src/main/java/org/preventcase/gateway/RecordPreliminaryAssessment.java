package org.preventcase.gateway;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.PreliminaryDecision;
import org.springframework.stereotype.Component;

/**
 * `${recordPreliminaryAssessment}`, the complete listener of the case owner's preliminary assessment:
 * the decision (list for the panel, signpost, close) with its details and rationale is an assessment
 * entry by the case owner; gatewayOutcome becomes REFER_TO_PANEL, SIGNPOSTED or NFA_CLOSED.
 */
@Component("recordPreliminaryAssessment")
public class RecordPreliminaryAssessment implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  public RecordPreliminaryAssessment(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedDecision submitted = new SubmittedDecision(task);
    PreliminaryDecision decision = submitted.choice(GatewayVariables.PRELIMINARY_DECISION, PreliminaryDecision.class);
    GatewayOutcome outcome = switch (decision) {
      case LIST_FOR_PANEL -> GatewayOutcome.REFER_TO_PANEL;
      case SIGNPOST -> GatewayOutcome.SIGNPOSTED;
      case CLOSE -> GatewayOutcome.NFA_CLOSED;
    };
    submitted.closingDetails(outcome);
    submitted.record(cases, actors, submitted.entry(EntryKind.ASSESSMENT, "Preliminary assessment: " + decision.label()));
    task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME, outcome.name());
    task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME_LABEL, outcome.label());
  }
}
