package org.preventcase.vocabulary;

/** A post-exit review's finding (process.md §2.7; form post-exit-review): no concern, or renewed concern, which re-opens the case. */
public enum PostExitReviewOutcome implements FormOption {
  NO_CONCERN("No concern"),
  RENEWED_CONCERN("Renewed concern: re-open the case");

  private final String label;

  PostExitReviewOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
