package org.preventcase.vocabulary;

/** The answer to the approach for consent (form consent, consentOutcome): given or refused; WITHDRAWN comes later, from the intervention contact ({@link ConsentOutcome}). */
public enum ConsentAnswer implements FormOption {
  GIVEN("Consent given"),
  REFUSED("Consent refused");

  private final String label;

  ConsentAnswer(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
