package org.preventcase.intake;

import org.preventcase.caseprocess.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The intake's delegates that need nothing from Spring, named as the models name them. */
@Configuration
class ReferralBeans {

  @Bean
  StartCaseProcess startCaseProcess() {
    return new StartCaseProcess();
  }

  /** The referral is new information about the person's open case: its process deconflicts it. */
  @Bean
  CaseMessage sendNewInformationToOpenCase() {
    return new CaseMessage(Messages.NEW_INFORMATION_ABOUT_OPEN_CASE);
  }

  /** The referral arrived in the case's post-exit review window: its after-care stage re-opens it. */
  @Bean
  CaseMessage sendReferralDuringPostExitReview() {
    return new CaseMessage(Messages.REFERRAL_DURING_POST_EXIT_REVIEW);
  }
}
