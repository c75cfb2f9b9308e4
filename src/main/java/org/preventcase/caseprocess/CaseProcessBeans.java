package org.preventcase.caseprocess;

import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DueDateListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The case process's due dates (prevent.deadlines.durations), named as the model names them. */
@Configuration
class CaseProcessBeans {

  /** screeningDueAt: the police screening and deconfliction (default 5 working days). */
  @Bean
  DueDateListener setScreeningDeadline(Deadlines deadlines) {
    return deadlines.listener(CaseDeadlines.SCREENING);
  }
}
