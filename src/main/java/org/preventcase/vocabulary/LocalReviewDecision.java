package org.preventcase.vocabulary;

/** The review of a case kept under the local below-threshold arrangement. */
public enum LocalReviewDecision implements FormOption {
  CLOSE("No further action: close the case"),
  SCREEN_AGAIN("Screen the case again");

  private final String label;

  LocalReviewDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
