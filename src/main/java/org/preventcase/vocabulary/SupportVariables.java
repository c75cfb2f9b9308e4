package org.preventcase.vocabulary;

/**
 * The variables of the support and after-care stages (processes/support/support.bpmn,
 * processes/aftercare/aftercare.bpmn, docs/support.md): codes, counts and dates only. What the forms
 * submit about the person (the plan, the consent, the contacts, the reviews) is moved into the case
 * record by each task's complete listener and removed from the engine.
 */
public final class SupportVariables {

  /**
   * The support stage's result for the case process: {@link #EXITED}, {@link #REASSESS}, or
   * {@link #TRANSFERRED_TO_POLICE} (support withdrawn after a risk escalation: the case leaves Prevent).
   */
  public static final String SUPPORT_OUTCOME = "supportOutcome";
  public static final String EXITED = "EXITED";
  public static final String REASSESS = "REASSESS";
  public static final String TRANSFERRED_TO_POLICE = "TRANSFERRED_TO_POLICE";
  /**
   * A risk escalated during support (docs/support.md) and not yet heard: true from the escalation until the
   * panel's next review; withdrawing support then hands the case to the police.
   */
  public static final String RISK_ESCALATED = "riskEscalated";
  /** The timer of a lapse in contact (an ISO-8601 duration, prevent.support.contact-lapse). */
  public static final String CONTACT_LAPSE = "contactLapse";
  /** From the support plan: how many interventions it arranges, and whether it doubts the person's capacity. */
  public static final String INTERVENTION_COUNT = "interventionCount";
  public static final String CAPACITY_IN_DOUBT = "capacityInDoubt";
  /**
   * Which plan the case has (1 the first, one more with each revision), and which plan the running
   * interventions follow: a revision starts the revised plan's interventions (support, Event_PlanRevised).
   */
  public static final String PLAN_VERSION = "planVersion";
  public static final String INTERVENTIONS_PLAN_VERSION = "interventionsPlanVersion";
  /** The user id of the intervention provider the plan allocates its interventions to (their contact tasks). */
  public static final String INTERVENTION_PROVIDER = "interventionProvider";
  /** {@link ConsentRoute}, from the decision consent-required, and its label for the consent form. */
  public static final String CONSENT_ROUTE = "consentRoute";
  public static final String CONSENT_ROUTE_LABEL = "consentRouteLabel";
  /** What the consent task found: GIVEN, REFUSED, or DISAGREE (a young person and a parent who disagree). */
  public static final String CONSENT_RESULT = "consentResult";
  public static final String DISAGREE = "DISAGREE";
  /** {@link ConsultationOutcome}, {@link ContactOutcome}: the gateways after those tasks. */
  public static final String CONSULTATION_OUTCOME = "consultationOutcome";
  public static final String CONTACT_OUTCOME = "contactOutcome";
  /** The panel's review decision ({@link ReviewDecision}), for the gateway after the review. */
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  /** The date the panel re-assesses the person (s36(4)(e)): the timer. */
  public static final String REASSESSMENT_DUE_AT = "reassessmentDueAt";
  /** Set by the case process on support alongside MAPPA: the case stays in stage MAPPA. */
  public static final String SUPPORT_ALONGSIDE_MAPPA = "supportAlongsideMappa";

  /** After-care: when the case exited, which reviews are held, the next one's date, and the result. */
  public static final String EXITED_AT = "exitedAt";
  public static final String POST_EXIT_REVIEWS_HELD = "postExitReviewsHeld";
  public static final String POST_EXIT_REVIEWS_EXTENDED = "postExitReviewsExtended";
  public static final String POST_EXIT_REVIEW_DUE_AT = "postExitReviewDueAt";
  public static final String POST_EXIT_REVIEW_DUE_LABEL = "postExitReviewDueLabel";
  public static final String POST_EXIT_REVIEW_OUTCOME = "postExitReviewOutcome";
  public static final String MORE_POST_EXIT_REVIEWS = "morePostExitReviews";
  public static final String CASE_REOPENED = "caseReopened";

  private SupportVariables() {}
}
