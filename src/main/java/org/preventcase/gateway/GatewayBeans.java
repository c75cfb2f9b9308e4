package org.preventcase.gateway;

import java.time.Clock;
import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DueDateListener;
import org.preventcase.formcheck.FormRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's due dates (prevent.deadlines.durations), named as the model names them, and what its
 * forms' schemas cannot say ({@link OnwardReferralDateRules}).
 */
@Configuration
class GatewayBeans {

  /** screeningDueAt and screeningReminderAt, by the referral's urgency. */
  @Bean
  SetScreeningDeadlines setScreeningDeadlines(Deadlines deadlines, Clock clock) {
    for (String name : new String[] {GatewayDeadlines.SCREENING, GatewayDeadlines.SCREENING_REMINDER,
        GatewayDeadlines.URGENT_SCREENING, GatewayDeadlines.URGENT_SCREENING_REMINDER}) {
      deadlines.listener(name); // refuses to start when one is not configured
    }
    return new SetScreeningDeadlines(deadlines, clock);
  }

  /** localReviewDueAt: the review of a case kept under the local below-threshold arrangement. */
  @Bean
  DueDateListener setLocalReviewDeadline(Deadlines deadlines) {
    return deadlines.listener(GatewayDeadlines.LOCAL_REVIEW);
  }

  @Bean
  FormRules screeningRules(Clock clock) {
    return new OnwardReferralDateRules("referral-screening", clock);
  }

  @Bean
  FormRules preliminaryAssessmentRules(Clock clock) {
    return new OnwardReferralDateRules("preliminary-assessment", clock);
  }
}
