package org.preventcase.vocabulary;

/** What an intervention provider records of a contact with the person (form intervention-contact). */
public enum ContactOutcome implements FormOption {
  CONTACT_MADE("A session or contact took place"),
  CONSENT_WITHDRAWN("The person (or the parent or guardian) withdrew consent");

  private final String label;

  ContactOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
