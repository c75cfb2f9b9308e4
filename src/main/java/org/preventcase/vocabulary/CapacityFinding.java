package org.preventcase.vocabulary;

/** The capacity assessment for the decision to consent to Channel support (Mental Capacity Act 2005: decision by decision; form consent, capacityFinding). */
public enum CapacityFinding implements FormOption {
  HAS_CAPACITY("Has capacity to decide"),
  LACKS_CAPACITY("Lacks capacity to decide");

  private final String label;

  CapacityFinding(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
