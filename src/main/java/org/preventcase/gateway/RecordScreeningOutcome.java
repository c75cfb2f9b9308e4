package org.preventcase.gateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IdeologyIdentified;
import org.preventcase.vocabulary.IntakeVariables;
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

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final CaseService cases;
  private final Actors actors;
  private final Clock clock;

  public RecordScreeningOutcome(CaseService cases, Actors actors, Clock clock) {
    this.cases = cases;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedDecision submitted = new SubmittedDecision(task);
    GatewayOutcome outcome = submitted.required(GatewayVariables.GATEWAY_OUTCOME, GatewayOutcome.class,
        "the outcome of the screening");
    NewEntry entry;
    if (outcome == GatewayOutcome.PURSUE) {
      if (submitted.rationale() != null) {
        throw new IllegalArgumentException("Leave the rationale empty for Pursue: the record keeps no detail of it");
      }
      entry = new NewEntry(EntryKind.DECISION, RecordDeconfliction.PURSUE_SUMMARY, null);
      task.getExecution().removeVariable(GatewayVariables.IDEOLOGY_IDENTIFIED);
    } else {
      IdeologyIdentified ideology = submitted.required(GatewayVariables.IDEOLOGY_IDENTIFIED, IdeologyIdentified.class,
          "whether an ideology was identified");
      submitted.closingDetails(outcome, LocalDate.now(clock.withZone(LONDON)));
      submitted.line("Ideology identified", ideology);
      if (submitted.rationale() == null) {
        throw new IllegalArgumentException("Enter the rationale for the outcome");
      }
      entry = new NewEntry(EntryKind.DECISION, "Screening outcome: " + outcome.label(), submitted.body());
      task.getExecution().setVariable(GatewayVariables.IDEOLOGY_IDENTIFIED_LABEL, ideology.label());
    }
    cases.addEntry(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF), entry,
        new Purpose(Purpose.Code.TASK, task.getId()));
    task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME_LABEL, outcome.label());
    submitted.removeFromEngine();
  }
}
