package org.preventcase.vocabulary;

/**
 * How the approach for consent to Channel support ended (process.md §2.5): a statistics category of the
 * board report (issue 15), recorded by the consent stage.
 */
public enum ConsentOutcome {
  GIVEN("Consent given"),
  REFUSED("Consent refused"),
  WITHDRAWN("Consent withdrawn");

  private final String label;

  ConsentOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
