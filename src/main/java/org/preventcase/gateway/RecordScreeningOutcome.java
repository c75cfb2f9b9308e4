package org.preventcase.gateway;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.GoesToMappa;
import org.preventcase.vocabulary.MappaVariables;
import org.preventcase.vocabulary.IdeologyIdentified;
import org.springframework.stereotype.Component;

/**
 * `${recordScreeningOutcome}`, the complete listener of the gateway screening: the outcome, its
 * details (why no further action; where the case was signposted and when) and whether an ideology
 * was identified, with the screener's rationale, become one decision entry by the screener; the
 * rationale and details leave the engine. gatewayOutcome and ideologyIdentified stay (the routing and
 * the assurance rule read them), with their labels for the later forms. Pursue keeps nothing but
 * the decision, as the deconfliction's does.
 */
@Component("recordScreeningOutcome")
public class RecordScreeningOutcome implements TaskListener {

  private final CaseService cases;
  private final Actors actors;
  private final ReferralStatistics statistics;

  public RecordScreeningOutcome(CaseService cases, Actors actors, ReferralStatistics statistics) {
    this.statistics = statistics;
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedDecision submitted = new SubmittedDecision(task);
    GatewayOutcome outcome = submitted.choice(GatewayVariables.GATEWAY_OUTCOME, GatewayOutcome.class);
    if (outcome == GatewayOutcome.PURSUE) {
      // the form hides the rationale and the ideology for Pursue: the record keeps no detail of it
      submitted.record(cases, actors, new NewEntry(EntryKind.DECISION, RecordDeconfliction.PURSUE_SUMMARY, null));
      task.getExecution().removeVariable(GatewayVariables.IDEOLOGY_IDENTIFIED);
    } else {
      IdeologyIdentified ideology = submitted.choice(GatewayVariables.IDEOLOGY_IDENTIFIED, IdeologyIdentified.class);
      submitted.closingDetails(outcome).line("Ideology identified", ideology)
          .line("On licence or under MAPPA: goes to MAPPA", submitted.choice(MappaVariables.GOES_TO_MAPPA, GoesToMappa.class));
      submitted.record(cases, actors, submitted.entry(EntryKind.DECISION, "Screening outcome: " + outcome.label()));
      task.getExecution().setVariable(GatewayVariables.IDEOLOGY_IDENTIFIED_LABEL, ideology.label());
    }
    statistics.gatewayOutcome(submitted.caseReference(), outcome);
    task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME_LABEL, outcome.label());
  }
}
