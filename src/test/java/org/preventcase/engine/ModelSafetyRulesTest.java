package org.preventcase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelSafetyRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"urgency == 'IMMEDIATE_RISK'", "ageBand != \"UNDER_18\" && consentGiven",
      "!empty route", "(a || b) and not c", "reviewCount >= 2", "flag", "reviewInterval"})
  void conditionsThatOnlyReadVariablesAreAllowed(String condition) {
    assertThat(ModelSafetyRules.isVariableOnly(condition)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"execution.getVariable('x')", "bean.method()", "now()", "x.y", "task == null",
      "''.getClass().forName('java.lang.Runtime')", "a[0]", "T(java.lang.Runtime)", "x = 1", "processEngine"})
  void conditionsThatCallMethodsOrReachBeyondVariablesAreRefused(String condition) {
    assertThat(ModelSafetyRules.isVariableOnly(condition)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${recordReferral}", "${ notifyReferrer }"})
  void aDelegateExpressionMayNameABean(String expression) {
    assertThat(ModelSafetyRules.refuseAttribute("delegateExpression", true, expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${recordReferral.execute(execution)}", "#{recordReferral}", "recordReferral", "${a}${b}"})
  void aDelegateExpressionMayNameNothingElse(String expression) {
    assertThat(ModelSafetyRules.refuseAttribute("delegateExpression", true, expression)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#{execution.processBusinessKey}", "${execution.processBusinessKey}"})
  void aCallActivityMayPassTheCallersBusinessKeyDown(String expression) {
    assertThat(ModelSafetyRules.refuseAttribute("businessKey", true, expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#{execution.getVariable('personName')}", "#{execution.processBusinessKey.concat('x')}",
      "${execution.processInstance}"})
  void aCallActivityPassesNothingElseFromTheExecution(String expression) {
    assertThat(ModelSafetyRules.refuseAttribute("businessKey", true, expression)).isPresent();
    assertThat(ModelSafetyRules.refuseAttribute("source", true, "#{execution.processBusinessKey}")).isPresent();
  }
}
