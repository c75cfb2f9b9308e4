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
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.PreliminaryDecision;
import org.springframework.stereotype.Component;

/**
 * `${recordPreliminaryAssessment}`, the complete listener of the case owner's preliminary assessment:
 * the decision (list for the panel, signpost, close) with its details and rationale is an assessment
 * entry by the case owner; gatewayOutcome becomes REFER_TO_PANEL, SIGNPOSTED or NFA_CLOSED.
 */
@Component("recordPreliminaryAssessment")
public class RecordPreliminaryAssessment implements TaskListener {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final CaseService cases;
  private final Actors actors;
  private final Clock clock;

  public RecordPreliminaryAssessment(CaseService cases, Actors actors, Clock clock) {
    this.cases = cases;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedDecision submitted = new SubmittedDecision(task);
    PreliminaryDecision decision = submitted.required(GatewayVariables.PRELIMINARY_DECISION, PreliminaryDecision.class,
        "the decision of the preliminary assessment");
    GatewayOutcome outcome = switch (decision) {
      case LIST_FOR_PANEL -> GatewayOutcome.REFER_TO_PANEL;
      case SIGNPOST -> GatewayOutcome.SIGNPOSTED;
      case CLOSE -> GatewayOutcome.NFA_CLOSED;
    };
    submitted.closingDetails(outcome, LocalDate.now(clock.withZone(LONDON)));
    if (submitted.rationale() == null) {
      throw new IllegalArgumentException("Enter the rationale for the decision");
    }
    cases.addEntry(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF),
        new NewEntry(EntryKind.ASSESSMENT, "Preliminary assessment: " + decision.label(), submitted.body()),
        new Purpose(Purpose.Code.TASK, task.getId()));
    task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME, outcome.name());
    task.getExecution().setVariable(GatewayVariables.GATEWAY_OUTCOME_LABEL, outcome.label());
    submitted.removeFromEngine();
  }
}
