package org.preventcase.vocabulary;

/** Whether the screening identified an ideology (Prevent Learning Review 2025: closures for the absence of one get an assurance review). */
public enum IdeologyIdentified implements FormOption {
  YES("Yes"),
  NO("No ideology identified"),
  MIXED_UNCLEAR("Mixed or unclear");

  private final String label;

  IdeologyIdentified(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
