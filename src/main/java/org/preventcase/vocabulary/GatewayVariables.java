package org.preventcase.vocabulary;

/**
 * The process variables of the gateway stage (processes/gateway/gateway.bpmn) and of the case
 * process's routing: non-identifying facts and decisions only. Rationales and the details of an
 * outcome (a no-further-action reason, where a case was signposted and when) are moved into the case
 * record by the task's complete listener and removed from the engine.
 */
public final class GatewayVariables {

  /** The candidate group of the case owner's tasks, from the authority's delivery model. */
  public static final String CASE_OWNER_GROUP = "caseOwnerGroup";
  /** The gateway's outcome ({@link GatewayOutcome}), which the case process routes on. */
  public static final String GATEWAY_OUTCOME = "gatewayOutcome";
  public static final String GATEWAY_OUTCOME_LABEL = "gatewayOutcomeLabel";
  /** The police deconfliction ({@link DeconflictionResult}). */
  public static final String DECONFLICTION = "deconfliction";
  /** Whether the screening identified an ideology ({@link IdeologyIdentified}). */
  public static final String IDEOLOGY_IDENTIFIED = "ideologyIdentified";
  public static final String IDEOLOGY_IDENTIFIED_LABEL = "ideologyIdentifiedLabel";
  /** Counts only: the person's earlier referrals and how their earlier cases closed, in words. */
  public static final String EARLIER_REFERRAL_COUNT = "earlierReferralCount";
  public static final String EARLIER_OUTCOMES = "earlierOutcomes";
  /** The person was referred before (an earlier referral, or a repeat case): the assurance rule's input. */
  public static final String REPEAT_REFERRAL = "repeatReferral";
  /** When the screeners are reminded of the screening's due date (screeningDueAt). */
  public static final String SCREENING_REMINDER_AT = "screeningReminderAt";
  public static final String ASSURANCE_REVIEW_NEEDED = "assuranceReviewNeeded";
  public static final String ASSURANCE_DECISION = "assuranceDecision";
  public static final String PRELIMINARY_DECISION = "preliminaryDecision";
  public static final String LOCAL_REVIEW_DECISION = "localReviewDecision";

  /** Submitted fields a decision's listener moves into the case record and removes from the engine. */
  public static final String RATIONALE = "rationale";
  public static final String NFA_REASON = "nfaReason";
  public static final String SIGNPOSTED_TO = "signpostedTo";
  public static final String ONWARD_REFERRAL_DATE = "onwardReferralDate";

  private GatewayVariables() {}
}
