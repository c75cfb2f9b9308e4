package org.preventcase.support;

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
