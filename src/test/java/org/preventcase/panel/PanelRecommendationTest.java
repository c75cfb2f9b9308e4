package org.preventcase.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.preventcase.casefile.PanelAssessment;
import org.preventcase.models.DecisionTable;
import org.preventcase.vocabulary.AssessmentFramework;
import org.preventcase.vocabulary.CtRiskOwner;
import org.preventcase.vocabulary.Susceptibility;

/**
 * The recommendation table (processes/panel/panel-recommendation.dmn) on the standalone DMN engine,
 * with the inputs RecommendPanelDecision reads from the case record: one case per rule, each matching
 * that rule (hit policy FIRST) with its recommendation; a rule added without a case here fails the build.
 */
class PanelRecommendationTest {

  static DecisionTable table;

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
  static void readTheTable() {
    table = new DecisionTable("processes/panel/panel-recommendation.dmn", Panel.RECOMMENDATION_DECISION);
  }

  static Stream<Arguments> cases() {
    return CASES.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleRecommendsItsDecisionForTheAssessmentItIsFor(String rule, Case example) {
    String recommended = table.evaluate(RecommendPanelDecision.inputs(example.assessment()));

    assertThat(table.matched()).as("the first rule matching").first().isEqualTo(rule);
    assertThat(recommended).isEqualTo(example.recommendation());
  }

  @Test
  void everyRuleOfTheTableHasATestCaseHere() {
    List<String> rules = table.rules();

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
