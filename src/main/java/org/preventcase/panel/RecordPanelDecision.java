package org.preventcase.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.casefile.PanelOutcome;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.vocabulary.AlternativeSupport;
import org.preventcase.vocabulary.DecisionMethod;
import org.preventcase.vocabulary.PanelDecision;
import org.springframework.stereotype.Component;

/**
 * `${recordPanelDecision}`, the complete listener of the chair's decision task (process.md §2.4, s36,
 * s37(6)): one DECISION entry by the chair with the decision, its method, the rationale, any dissent,
 * the reason it departs from the recommendation, the referral made (s36(6)) or what a deferral awaits;
 * the listing keeps the codes, and the referral statistics count the case as discussed at the panel,
 * adopted or not. Only panelDecision stays in the engine, for the case process's route.
 * The form check ({@link PanelDecisionRules}) has refused a departure without a reason before this runs;
 * this listener refuses it again for a completion that reached the engine another way.
 */
@Component("recordPanelDecision")
public class RecordPanelDecision implements TaskListener {

  private final CaseService cases;
  private final Actors actors;
  private final ReferralStatistics statistics;

  public RecordPanelDecision(CaseService cases, Actors actors, ReferralStatistics statistics) {
    this.cases = cases;
    this.actors = actors;
    this.statistics = statistics;
  }

  @Override
  public void notify(DelegateTask task) {
    var execution = task.getExecution();
    PanelDecision decision = RecordPanelAssessment.required(Submitted.choice(execution, Panel.DECISION,
        PanelDecision.class), Panel.DECISION);
    DecisionMethod method = RecordPanelAssessment.required(Submitted.choice(execution, DecisionForm.METHOD,
        DecisionMethod.class), DecisionForm.METHOD);
    String recommendation = (String) execution.getVariable(Panel.RECOMMENDATION);
    String rationale = RecordPanelAssessment.required(Submitted.text(execution, DecisionForm.RATIONALE),
        DecisionForm.RATIONALE);
    Optional<String> departure = Submitted.text(execution, DecisionForm.DEPARTURE_REASON);
    if (!decision.name().equals(recommendation) && departure.isEmpty()) {
      throw new IllegalArgumentException("'" + DecisionForm.DEPARTURE_REASON + "' is required");
    }
    Optional<AlternativeSupport> alternative = Submitted.choice(execution, DecisionForm.ALTERNATIVE,
        AlternativeSupport.class);
    if (decision == PanelDecision.NOT_ADOPT_REFER_ALTERNATIVE && alternative.isEmpty()) {
      throw new IllegalArgumentException("'" + DecisionForm.ALTERNATIVE + "' is required");
    }
    Optional<String> awaited = Submitted.text(execution, DecisionForm.AWAITED);
    if (decision == PanelDecision.DEFER && awaited.isEmpty()) {
      throw new IllegalArgumentException("'" + DecisionForm.AWAITED + "' is required");
    }
    List<String> body = new ArrayList<>(List.of(rationale));
    Submitted.text(execution, DecisionForm.DISSENT).ifPresent(dissent -> body.add("Dissent: " + dissent));
    departure.ifPresent(reason -> body.add("Departs from the recommendation ("
        + PanelDecision.valueOf(recommendation).label() + "): " + reason));
    alternative.ifPresent(referral -> body.add("Referral made (s36(6)): " + referral.label()));
    awaited.ifPresent(waiting -> body.add("Awaited: " + waiting));
    long meetingId = Panel.meetingId(execution);
    String reference = Panel.caseReference(execution);
    Purpose purpose = new Purpose(Purpose.Code.TASK, task.getId());
    cases.addEntry(actors.acting(execution), reference, new NewEntry(EntryKind.DECISION, "Channel panel decision: "
        + decision.label() + " (" + method.label() + ")", String.join("\n\n", body)), purpose);
    cases.recordPanelOutcome(actors.acting(execution), reference, meetingId,
        new PanelOutcome(decision.name(), recommendation, method.name(), true), purpose);
    statistics.discussedAtPanel(reference, decision == PanelDecision.ADOPT);
    Submitted.remove(execution, DecisionForm.METHOD, DecisionForm.DISSENT, DecisionForm.DEPARTURE_REASON,
        DecisionForm.ALTERNATIVE, DecisionForm.AWAITED, DecisionForm.RATIONALE, Panel.RECOMMENDATION,
        Panel.RECOMMENDATION_LABEL, Panel.QUORATE);
  }
}
