package org.preventcase.vocabulary;

/** The panel's review of an adopted case at a later meeting (§2.11); the support stage acts on it (issue 11). */
public enum ReviewDecision implements FormOption {
  CONTINUE("Continue the support"),
  REVISE_PLAN("Revise the support plan"),
  WITHDRAW_SUPPORT("Withdraw support"),
  EXIT("Exit: the susceptibility is removed or significantly reduced");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
