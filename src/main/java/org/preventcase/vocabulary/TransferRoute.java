package org.preventcase.vocabulary;

/**
 * Where a transferred case goes (message TransferRequested's {@code transferRoute}, docs/transfers.md):
 * the case process takes a path per value.
 */
public enum TransferRoute implements FormOption {
  SERVED("An authority served here: its own case, once it accepts"),
  NOT_SERVED("An authority in England or Wales not served here: the transfer pack"),
  SCOTLAND("Scotland: the Prevent Multi-Agency Panel (PMAP)");

  private final String label;

  TransferRoute(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
