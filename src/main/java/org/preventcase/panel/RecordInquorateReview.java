package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${recordInquorateReview}` (support, Task_RecordReviewDeferred): the meeting that listed the adopted
 * case for review was inquorate for it (s37(3)), so the review is not held there: recorded on the
 * listing and as an entry; the next meeting's agenda lists the case for review again.
 */
@Component("recordInquorateReview")
public class RecordInquorateReview implements JavaDelegate {

  private final CaseService cases;
  private final Actors actors;

  public RecordInquorateReview(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RecordInquorateListing.record(cases, actors, execution,
        "Review deferred: the panel meeting was inquorate for the case (s37(3)); reviewed at the next meeting");
  }
}
