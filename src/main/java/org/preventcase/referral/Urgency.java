package org.preventcase.referral;

/** Whether the referrer saw immediate risk (and has called 999 first), process.md §2.1 and §4 E. */
public enum Urgency implements FormOption {
  ROUTINE("Routine: no immediate risk"),
  IMMEDIATE_RISK("Immediate risk: 999 has been called");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
