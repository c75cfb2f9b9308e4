package org.preventcase.support;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The support and after-care stages' end listeners, named as the models name them. */
@Configuration
class SupportBeans {

  /** support, EndEvent_Exited: supportOutcome EXITED. */
  @Bean
  StageOutcome supportExited() {
    return new StageOutcome(SupportVariables.SUPPORT_OUTCOME, SupportVariables.EXITED);
  }

  /** support, EndEvent_LeftToPolice: supportOutcome TRANSFERRED_TO_POLICE (support withdrawn after a risk escalation). */
  @Bean
  StageOutcome supportTransferredToPolice() {
    return new StageOutcome(SupportVariables.SUPPORT_OUTCOME, SupportVariables.TRANSFERRED_TO_POLICE);
  }

  /** support, StartEvent_RiskEscalated: riskEscalated true until the panel's next review. */
  @Bean
  StageOutcome markRiskEscalated() {
    return new StageOutcome(SupportVariables.RISK_ESCALATED, true);
  }

  /** support, the start, and the reviews that keep the support going: riskEscalated false. */
  @Bean
  StageOutcome clearRiskEscalation() {
    return new StageOutcome(SupportVariables.RISK_ESCALATED, false);
  }

  /** support, Flow_JoinInterventions_Interventions: the interventions starting follow the plan the case has now. */
  @Bean
  ExecutionListener trackInterventionsOfPlan() {
    return execution -> execution.setVariable(SupportVariables.INTERVENTIONS_PLAN_VERSION,
        execution.getVariable(SupportVariables.PLAN_VERSION));
  }

  /** aftercare, EndEvent_Reopened and EndEvent_ReopenedByReferral: caseReopened true. */
  @Bean
  StageOutcome reopenCase() {
    return new StageOutcome(SupportVariables.CASE_REOPENED, true);
  }

  /** aftercare, EndEvent_ReviewsComplete: caseReopened false, so the case closes. */
  @Bean
  StageOutcome completePostExitReviews() {
    return new StageOutcome(SupportVariables.CASE_REOPENED, false);
  }
}
