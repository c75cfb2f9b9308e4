package org.preventcase.gateway;

/**
 * The names of the gateway's deadlines in prevent.deadlines.durations; the model reads
 * {@code screeningDueAt}, {@code screeningReminderAt} and {@code localReviewDueAt}.
 */
public final class GatewayDeadlines {

  /** Deconfliction and screening of a routine referral (5 working days by default). */
  public static final String SCREENING = "screening";
  /** The reminder of a routine screening (4 working days by default), never after its due date. */
  public static final String SCREENING_REMINDER = "screeningReminder";
  /** Deconfliction and screening of an immediate risk (the same day by default). */
  public static final String URGENT_SCREENING = "urgentScreening";
  /** The reminder of an urgent screening (2 hours by default), never after its due date. */
  public static final String URGENT_SCREENING_REMINDER = "urgentScreeningReminder";
  /** The review of a case kept under the local below-threshold arrangement (3 months by default). */
  public static final String LOCAL_REVIEW = "localReview";

  private GatewayDeadlines() {}
}
