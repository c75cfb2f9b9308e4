package org.preventcase.vocabulary;

/** The police deconfliction of a referral: clear to continue, or part of a live counter-terrorism investigation (Pursue), which ends Prevent's part. */
public enum DeconflictionResult implements FormOption {
  CLEAR("Not part of a live counter-terrorism investigation: continue with the screening"),
  PURSUE("Part of a live counter-terrorism investigation: the case leaves Prevent (Pursue)");

  private final String label;

  DeconflictionResult(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
