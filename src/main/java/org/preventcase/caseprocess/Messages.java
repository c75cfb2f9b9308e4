package org.preventcase.caseprocess;

/** The BPMN messages the intake sends (docs/messages.md is the catalogue). */
public final class Messages {

  /** To an open case's process: a new referral about its person joined it; the police deconflict it. */
  public static final String NEW_INFORMATION_ABOUT_OPEN_CASE = "NewInformationAboutOpenCase";
  /** To a case in its post-exit review window: a new referral; the after-care stage (later) re-opens the case. */
  public static final String REFERRAL_DURING_POST_EXIT_REVIEW = "ReferralDuringPostExitReview";

  /**
   * To a case waiting for the panel (Task_AwaitPanel): the panel stage (a later issue) has ended, with
   * gatewayOutcome saying how the case goes on (a closing outcome, or REFER_TO_PANEL to wait again).
   */
  public static final String PANEL_STAGE_ENDED = "PanelStageEnded";

  private Messages() {}
}
