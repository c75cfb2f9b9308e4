package org.preventcase.aftercare;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.preventcase.support.SupportProperties;
import org.preventcase.vocabulary.SupportVariables;
import org.preventcase.web.UkTime;

/** Where a case is in its post-exit reviews: how many are held, whether extended, and the periods in force. */
record PostExitReviews(Instant exitedAt, int held, boolean extended, List<Period> periods) {

  static PostExitReviews of(VariableScope scope, SupportProperties properties) {
    boolean extended = Boolean.TRUE.equals(scope.getVariable(SupportVariables.POST_EXIT_REVIEWS_EXTENDED));
    return new PostExitReviews(((Date) scope.getVariable(SupportVariables.EXITED_AT)).toInstant(),
        ((Number) scope.getVariable(SupportVariables.POST_EXIT_REVIEWS_HELD)).intValue(), extended,
        properties.reviews(extended));
  }

  /** The next review's time: its period after the exit, counted in London (P6M from 31 August is 28 February). */
  Instant next() {
    return exitedAt.atZone(UkTime.LONDON).plus(periods.get(held)).toInstant();
  }
}
