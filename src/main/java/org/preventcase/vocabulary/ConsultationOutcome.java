package org.preventcase.vocabulary;

/** After the legal-advice or children's services consultation on a young person and a parent who disagree (form consent-consultation): seek consent again, or no support. */
public enum ConsultationOutcome implements FormOption {
  SEEK_CONSENT_AGAIN("Seek consent again"),
  NO_SUPPORT("No Channel support: set a re-assessment date");

  private final String label;

  ConsultationOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
