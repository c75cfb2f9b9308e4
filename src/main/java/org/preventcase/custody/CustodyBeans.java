package org.preventcase.custody;

import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DueDateListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The held case's review date, named as the case process names it. */
@Configuration
class CustodyBeans {

  /** custodyReviewDueAt: prevent.deadlines.durations.custodyReview, 3 months by default. */
  @Bean
  DueDateListener setCustodyReviewDeadline(Deadlines deadlines) {
    return deadlines.listener(Custody.REVIEW);
  }
}
