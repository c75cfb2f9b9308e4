package org.preventcase.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.preventcase.casefile.PanelAssessment;
import org.preventcase.vocabulary.AssessmentFramework;
import org.preventcase.vocabulary.CtRiskOwner;
import org.preventcase.vocabulary.Susceptibility;

/**
 * The recommendation table (processes/panel/panel-recommendation.dmn) on the standalone DMN engine,
 * with the inputs RecommendPanelDecision reads from the case record: one case per rule, each matching
 * that rule (hit policy FIRST) with its recommendation; a rule added without a case here fails the build.
 */
class PanelRecommendationTest {

  static final String TABLE = "processes/panel/panel-recommendation.dmn";
  static final List<String> MATCHED = new ArrayList<>();
  static DmnEngine dmn;
  static DmnDecision decision;
  static DmnModelInstance model;

  /** A case per rule: the assessment, and the recommendation it must give. */
  static final Map<String, Case> CASES = new LinkedHashMap<>();

  record Case(PanelAssessment assessment, String recommendation) {}

  static PanelAssessment assessed(Susceptibility susceptibility, CtRiskOwner owner, boolean otherNeeds, boolean mappa,
      boolean complete) {
    return new PanelAssessment(AssessmentFramework.PAF, Map.of("engagement", "MEDIUM"), susceptibility, owner,
        otherNeeds, mappa, complete);
  }

  static {
    CASES.put("Rule_InformationMissing", new Case(assessed(Susceptibility.HIGHLY_SUSCEPTIBLE,
        CtRiskOwner.COUNTER_TERRORISM_POLICING, true, true, false), "DEFER"));
    CASES.put("Rule_MappaLeads", new Case(assessed(Susceptibility.SUSCEPTIBLE, CtRiskOwner.COUNTER_TERRORISM_POLICING,
        false, true, true), "REFER_TO_MAPPA"));
    CASES.put("Rule_RiskTooHighForChannel", new Case(assessed(Susceptibility.HIGHLY_SUSCEPTIBLE,
        CtRiskOwner.COUNTER_TERRORISM_POLICING, false, false, true), "RETURN_TO_POLICE"));
    CASES.put("Rule_Susceptible", new Case(assessed(Susceptibility.SUSCEPTIBLE, CtRiskOwner.PREVENT_POLICING, true,
        false, true), "ADOPT"));
    CASES.put("Rule_OtherNeeds", new Case(assessed(Susceptibility.NOT_SUSCEPTIBLE, CtRiskOwner.NONE, true, false, true),
        "NOT_ADOPT_REFER_ALTERNATIVE"));
    CASES.put("Rule_NoNeeds", new Case(assessed(Susceptibility.NOT_SUSCEPTIBLE, CtRiskOwner.NONE, false, false, true),
        "NOT_ADOPT_NFA"));
  }

  @BeforeAll
  static void readTheTable() throws Exception {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().forEach(rule -> MATCHED.add(rule.getId()));
      }
    }));
    dmn = configuration.buildEngine();
    try (InputStream in = PanelRecommendationTest.class.getClassLoader().getResourceAsStream(TABLE)) {
      model = Dmn.readModelFromStream(in);
    }
    decision = dmn.parseDecision(Panel.RECOMMENDATION_DECISION, model);
  }

  static Stream<Arguments> cases() {
    return CASES.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleRecommendsItsDecisionForTheAssessmentItIsFor(String rule, Case example) {
    MATCHED.clear();
    String recommended = dmn.evaluateDecisionTable(decision, RecommendPanelDecision.inputs(example.assessment()))
        .getSingleResult().getSingleEntry();

    assertThat(MATCHED).as("the first rule matching").first().isEqualTo(rule);
    assertThat(recommended).isEqualTo(example.recommendation());
  }

  @Test
  void everyRuleOfTheTableHasATestCaseHere() {
    List<String> rules = model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();

    assertThat(CASES.keySet()).as("a rule without a test case, or a case for a rule that is gone")
        .containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void theTableRecommendsOnlyTheDecisionsThePanelCanTake() {
    CASES.values().forEach(example -> assertThat(org.preventcase.vocabulary.PanelDecision.valueOf(
        example.recommendation())).isNotNull());
    assertThat(CASES.values().stream().map(Case::recommendation).distinct()).hasSize(6);
  }
}
