package org.preventcase.caseprocess;

/** The BPMN messages the case process receives (docs/messages.md is the catalogue; the panel's: panel.Panel). */
public final class Messages {

  /** To an open case's process: a new referral about its person joined it; the police deconflict it. */
  public static final String NEW_INFORMATION_ABOUT_OPEN_CASE = "NewInformationAboutOpenCase";
  /** To a case in its post-exit review window: a new referral; the after-care stage (later) re-opens the case. */
  public static final String REFERRAL_DURING_POST_EXIT_REVIEW = "ReferralDuringPostExitReview";

  /**
   * To an adopted case waiting for consent and support (Task_AwaitConsentAndSupport): the support stage
   * (issue 11, which replaces the wait) has ended, with panelDecision, a closing decision, saying how the
   * case closes.
   */
  public static final String SUPPORT_STAGE_ENDED = "SupportStageEnded";

  private Messages() {}
}
