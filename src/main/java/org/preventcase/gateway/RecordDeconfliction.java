package org.preventcase.gateway;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.DeconflictionResult;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.GatewayVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordDeconfliction}`, the complete listener of the police deconfliction: a decision entry by the
 * officer that records only the result. For Pursue (s38(4)-(5)) the local authority's record keeps
 * that the case left Prevent, when and by whose decision, and nothing else: no text, no rationale
 * (the form has none), and gatewayOutcome becomes PURSUE. A clear result leaves no outcome yet.
 */
@Component("recordDeconfliction")
public class RecordDeconfliction implements TaskListener {

  static final String PURSUE_SUMMARY = "Left Prevent: part of a live counter-terrorism investigation (Pursue)";
  static final String CLEAR_SUMMARY = "Deconflicted: not part of a live counter-terrorism investigation";
  private final CaseService cases;
  private final Actors actors;

  public RecordDeconfliction(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedDecision submitted = new SubmittedDecision(task);
    boolean pursue = submitted.choice(GatewayVariables.DECONFLICTION, DeconflictionResult.class)
        == DeconflictionResult.PURSUE;
    submitted.record(cases, actors, new NewEntry(EntryKind.DECISION, pursue ? PURSUE_SUMMARY : CLEAR_SUMMARY, null));
    if (pursue) {
      task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME, GatewayOutcome.PURSUE.name());
    } else {
      task.getExecution().removeVariable(GatewayVariables.GATEWAY_OUTCOME);
    }
  }
}
