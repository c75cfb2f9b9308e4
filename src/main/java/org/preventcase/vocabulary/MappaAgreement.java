package org.preventcase.vocabulary;

/**
 * Whether the MAPPA meeting agrees to Channel support alongside MAPPA (variable
 * {@code mappaAgreesToChannel}, which the case process routes on; process.md §2.9: Channel runs
 * alongside only if MAPPA and the panel agree).
 */
public enum MappaAgreement implements FormOption {
  YES("Yes: the MAPPA meeting agrees to Channel support alongside"),
  NO("No: MAPPA manages the person without Channel");

  private final String label;

  MappaAgreement(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
