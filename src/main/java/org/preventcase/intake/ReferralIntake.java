package org.preventcase.intake;

/** The referral intake process (processes/intake/referral-intake.bpmn). */
public final class ReferralIntake {

  public static final String PROCESS_KEY = "referral-intake";

  private ReferralIntake() {}
}
