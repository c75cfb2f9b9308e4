package org.preventcase.vocabulary;

/** Who gave the consent to Channel support (process.md §2.5; form consent, consentGivenBy). */
public enum ConsentGiver implements FormOption {
  SELF("The person"),
  PARENT_OR_GUARDIAN("A parent or guardian"),
  ATTORNEY_OR_DEPUTY("An attorney or deputy with the relevant authority"),
  BEST_INTERESTS_DECISION("A best-interests decision (Mental Capacity Act 2005)");

  private final String label;

  ConsentGiver(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
