package org.preventcase.vocabulary;

/** A Prevent manager's assurance review of a closure of a repeat referral or one with no ideology identified. */
public enum AssuranceDecision implements FormOption {
  AGREE_CLOSURE("I agree the case can close"),
  SCREEN_AGAIN("Do not close: screen the case again");

  private final String label;

  AssuranceDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
