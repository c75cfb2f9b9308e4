package org.preventcase.custody;

/** A person in custody (docs/custody.md): the case process's messages, tasks and deadline. */
public final class Custody {

  /** To the case's process (business key = case reference): the person is in custody; interrupting. */
  public static final String PERSON_IN_CUSTODY = "PersonInCustody";
  /** Starts the case's process again, held at Task_AwaitRelease, once its hand-off decided to hold it. */
  public static final String CASE_HELD_IN_CUSTODY = "CaseHeldInCustody";
  /** The held case's review (prevent.deadlines.durations.custodyReview, 3 months by default): custodyReviewDueAt. */
  public static final String REVIEW = "custodyReview";
  public static final String REVIEW_TASK_NAME = "Review the case held while the person is in custody";
  /** The activities at which a case is already in custody: its hand-off, or its hold. */
  static final java.util.List<String> IN_CUSTODY = java.util.List.of("Task_RecordCustodyHandOff", "Task_AwaitRelease");

  private Custody() {}
}
