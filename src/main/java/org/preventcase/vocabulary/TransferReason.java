package org.preventcase.vocabulary;

/**
 * Why a case moves to another authority (message TransferRequested's {@code transferReason}; no
 * personal data): the lead authority is normally where the person lives (process.md §2.8).
 */
public enum TransferReason implements FormOption {
  MOVED_HOME("The person has moved to the receiving authority's area"),
  RELEASED_TO_ADDRESS("The person is released from custody to an address in the receiving authority's area"),
  LEAD_AUTHORITY_AGREED("The authorities agreed that the receiving authority leads");

  private final String label;

  TransferReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
