package org.preventcase.referral;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The intake's delegates that need nothing from Spring, named as the models name them. */
@Configuration
class ReferralBeans {

  @Bean
  StartCaseProcess startCaseProcess() {
    return new StartCaseProcess();
  }
}
