package org.preventcase.aftercare;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.support.SupportProperties;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.PostExitReviewOutcome;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordPostExitReview}`, the complete listener of Task_ReviewAfterExit (form post-exit-review):
 * the review's finding (NO_CONCERN or RENEWED_CONCERN) and its rationale are a REVIEW entry; the panel
 * may extend the reviews to two years (prevent.support.extended-post-exit-reviews). Sets
 * postExitReviewOutcome, counts the review held, and morePostExitReviews: whether a review remains.
 */
@Component("recordPostExitReview")
public class RecordPostExitReview implements TaskListener {

  static final String RATIONALE = "postExitReviewRationale";
  static final String EXTEND = "extendPostExitReviews";
  private final CaseService cases;
  private final Actors actors;
  private final SupportProperties properties;

  public RecordPostExitReview(CaseService cases, Actors actors, SupportProperties properties) {
    this.cases = cases;
    this.actors = actors;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    var execution = task.getExecution();
    PostExitReviewOutcome outcome = Submitted.choice(execution, SupportVariables.POST_EXIT_REVIEW_OUTCOME,
        PostExitReviewOutcome.class).orElseThrow(() -> new IllegalArgumentException("'"
            + SupportVariables.POST_EXIT_REVIEW_OUTCOME + "' is required"));
    String rationale = Submitted.text(execution, RATIONALE)
        .orElseThrow(() -> new IllegalArgumentException("'" + RATIONALE + "' is required"));
    PostExitReviews before = PostExitReviews.of(execution, properties);
    boolean extended = before.extended() || Boolean.TRUE.equals(execution.getVariable(EXTEND));
    int held = before.held() + 1;
    String summary = "Post-exit review " + held + ": " + outcome.label()
        + (extended && !before.extended() ? "; reviews extended to " + properties.reviews(true).size() : "");
    cases.addReview(actors.acting(execution), (String) execution.getVariable(IntakeVariables.CASE_REF),
        new NewEntry(EntryKind.REVIEW, summary, rationale), new Purpose(Purpose.Code.TASK, task.getId()));
    Submitted.remove(execution, RATIONALE, EXTEND);
    execution.setVariable(SupportVariables.POST_EXIT_REVIEW_OUTCOME, outcome.name());
    execution.setVariable(SupportVariables.POST_EXIT_REVIEWS_HELD, held);
    execution.setVariable(SupportVariables.POST_EXIT_REVIEWS_EXTENDED, extended);
    execution.setVariable(SupportVariables.MORE_POST_EXIT_REVIEWS, held < properties.reviews(extended).size());
  }
}
