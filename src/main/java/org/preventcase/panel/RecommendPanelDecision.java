package org.preventcase.panel;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.engine.DeployedDecision;
import org.preventcase.casefile.PanelAssessment;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.PanelDecision;
import org.springframework.stereotype.Component;

/**
 * `${recommendPanelDecision}` (panel-case, Task_RecommendDecision): the recommendation table
 * ({@value Panel#RECOMMENDATION_DECISION}) deployed with this very process (not simply its latest
 * version), evaluated by the decision service on the fixed inputs of the case record's latest
 * multi-agency assessment: informationComplete, mappaEligible, ctRiskOwner, susceptibility,
 * otherNeeds. Sets panelRecommendation and its label; the chair decides.
 */
@Component("recommendPanelDecision")
public class RecommendPanelDecision implements JavaDelegate {

  private final CaseService cases;
  private final Actors actors;

  public RecommendPanelDecision(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = Panel.caseReference(execution);
    PanelAssessment assessment = cases.latestPanelAssessment(actors.acting(execution), reference,
        new Purpose(Purpose.Code.PROCESS, "panel recommendation")).orElseThrow(() ->
        new IllegalStateException("The case has no multi-agency assessment to recommend from"));
    String recommended = DeployedDecision.singleEntry(execution, Panel.RECOMMENDATION_DECISION, inputs(assessment));
    PanelDecision recommendation = PanelDecision.valueOf(recommended);
    execution.setVariable(Panel.RECOMMENDATION, recommendation.name());
    execution.setVariable(Panel.RECOMMENDATION_LABEL, recommendation.label());
  }

  /** The table's inputs, fixed and documented (docs/panel.md). */
  public static Map<String, Object> inputs(PanelAssessment assessment) {
    return Map.of("informationComplete", assessment.informationComplete(), "mappaEligible", assessment.mappaEligible(),
        "ctRiskOwner", assessment.ctRiskOwner().name(), "susceptibility", assessment.susceptibility().name(),
        "otherNeeds", assessment.otherNeeds());
  }
}
