package org.preventcase.aftercare;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/** `${startPostExitReviews}` (aftercare, its start): the exit is now; no review held yet, none extended. */
@Component("startPostExitReviews")
public class StartPostExitReviews implements ExecutionListener {

  private final Clock clock;

  public StartPostExitReviews(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(SupportVariables.EXITED_AT, Date.from(clock.instant()));
    execution.setVariable(SupportVariables.POST_EXIT_REVIEWS_HELD, 0);
    execution.setVariable(SupportVariables.POST_EXIT_REVIEWS_EXTENDED, false);
  }
}
