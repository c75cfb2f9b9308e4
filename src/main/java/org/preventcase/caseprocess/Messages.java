package org.preventcase.caseprocess;

/** The BPMN messages the case process receives (docs/messages.md is the catalogue; the panel's: panel.Panel). */
public final class Messages {

  /** To an open case's process: a new referral about its person joined it; the police deconflict it. */
  public static final String NEW_INFORMATION_ABOUT_OPEN_CASE = "NewInformationAboutOpenCase";
  /** To a case in its post-exit review window: a new referral; the after-care stage re-opens the case. */
  public static final String REFERRAL_DURING_POST_EXIT_REVIEW = "ReferralDuringPostExitReview";

  private Messages() {}
}
