package org.preventcase.aftercare;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.support.SupportProperties;
import org.preventcase.vocabulary.SupportVariables;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * `${scheduleNextPostExitReview}` (aftercare, Task_ScheduleNextReview): the next review falls its
 * configured period after the exit (prevent.support.post-exit-reviews, or the extended ones):
 * postExitReviewDueAt (the timer) and postExitReviewDueLabel ("1 June 2027", for the form).
 */
@Component("scheduleNextPostExitReview")
public class ScheduleNextPostExitReview implements JavaDelegate {

  private final SupportProperties properties;
  private final UkTime time;

  public ScheduleNextPostExitReview(SupportProperties properties, Clock clock) {
    this.properties = properties;
    this.time = new UkTime(clock);
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant due = PostExitReviews.of(execution, properties).next();
    execution.setVariable(SupportVariables.POST_EXIT_REVIEW_DUE_AT, Date.from(due));
    execution.setVariable(SupportVariables.POST_EXIT_REVIEW_DUE_LABEL, time.date(due));
  }
}
