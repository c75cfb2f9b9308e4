package org.preventcase.vocabulary;

/**
 * The screener's answer, asked when the referrer said the person is on licence or under MAPPA: does
 * the case go to MAPPA (field {@code goesToMappa} of referral-screening, which must agree with the
 * outcome MAPPA)?
 */
public enum GoesToMappa implements FormOption {
  YES("Yes: MAPPA leads (outcome: hand the case to MAPPA)"),
  NO("No: the case stays with Prevent");

  private final String label;

  GoesToMappa(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
