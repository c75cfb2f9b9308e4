package org.preventcase.vocabulary;

/** Whose consent Channel support needs (processes/support/consent-required.dmn, process.md §2.5): the person's own, a parent's or guardian's (under 18, or age not known), or first a capacity assessment. */
public enum ConsentRoute implements FormOption {
  SELF("The person's own consent"),
  PARENT_OR_GUARDIAN("A parent's or guardian's consent (under 18)"),
  CAPACITY_ASSESSMENT("A capacity assessment for this decision first");

  private final String label;

  ConsentRoute(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
