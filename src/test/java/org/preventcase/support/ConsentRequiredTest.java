package org.preventcase.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.preventcase.models.DecisionTable;
import org.preventcase.vocabulary.ConsentRoute;

/**
 * Who must consent (processes/support/consent-required.dmn) on the standalone DMN engine, with the
 * inputs DetermineWhoMustConsent gives it: a case per rule, each matching only that rule (hit policy
 * UNIQUE) with its consent route; a rule added without a case here fails the build.
 */
class ConsentRequiredTest {

  static DecisionTable table;

  record Case(Integer age, boolean ageApproximate, boolean capacityInDoubt, ConsentRoute route) {}

  static final Map<String, Case> CASES = new LinkedHashMap<>();

  static {
    CASES.put("Rule_UnderEighteen", new Case(17, false, false, ConsentRoute.PARENT_OR_GUARDIAN));
    CASES.put("Rule_AgeNotKnown", new Case(null, false, false, ConsentRoute.PARENT_OR_GUARDIAN));
    CASES.put("Rule_ApproximatelyEighteen", new Case(19, true, false, ConsentRoute.PARENT_OR_GUARDIAN));
    CASES.put("Rule_AdultMayLackCapacity", new Case(18, false, true, ConsentRoute.CAPACITY_ASSESSMENT));
    CASES.put("Rule_AdultByApproximateAgeMayLackCapacity", new Case(20, true, true, ConsentRoute.CAPACITY_ASSESSMENT));
    CASES.put("Rule_Adult", new Case(18, false, false, ConsentRoute.SELF));
    CASES.put("Rule_AdultByApproximateAge", new Case(35, true, false, ConsentRoute.SELF));
  }

  @BeforeAll
  static void readTheTable() {
    table = new DecisionTable("processes/support/consent-required.dmn", DetermineWhoMustConsent.DECISION);
  }

  static Stream<Arguments> cases() {
    return CASES.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleGivesItsConsentRouteForThePersonItIsFor(String rule, Case example) {
    String route = table.evaluate(DetermineWhoMustConsent.inputs(example.age(), example.ageApproximate(),
        example.capacityInDoubt()));

    assertThat(table.matched()).as("the one rule matching").containsExactly(rule);
    assertThat(route).isEqualTo(example.route().name());
  }

  @Test
  void aYoungPersonWhoseCapacityIsInDoubtStillNeedsAParentsConsentAndAnUnknownOrBorderlineAgeCountsAsUnderEighteen() {
    assertThat(table.evaluate(DetermineWhoMustConsent.inputs(16, false, true))).isEqualTo("PARENT_OR_GUARDIAN");
    assertThat(table.evaluate(DetermineWhoMustConsent.inputs(null, false, true))).isEqualTo("PARENT_OR_GUARDIAN");
    assertThat(table.evaluate(DetermineWhoMustConsent.inputs(18, true, true))).isEqualTo("PARENT_OR_GUARDIAN");
    assertThat(table.evaluate(DetermineWhoMustConsent.inputs(17, true, false))).isEqualTo("PARENT_OR_GUARDIAN");
    assertThat(table.evaluate(DetermineWhoMustConsent.inputs(19, false, false))).isEqualTo("SELF");
    assertThat(table.evaluate(DetermineWhoMustConsent.inputs(67, false, false))).isEqualTo("SELF");
  }

  @Test
  void everyRuleOfTheTableHasATestCaseHere() {
    assertThat(CASES.keySet()).as("a rule without a test case, or a case for a rule that is gone")
        .containsExactlyInAnyOrderElementsOf(table.rules());
  }
}
