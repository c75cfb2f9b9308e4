package org.preventcase.vocabulary;

/** The case owner's decision once the person is handed to prison and probation services (variable custodyDecision). */
public enum CustodyDecision implements FormOption {
  CLOSE("Close the case: prison and probation services support the person"),
  HOLD("Hold the case open until release, when it is screened again");

  private final String label;

  CustodyDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
