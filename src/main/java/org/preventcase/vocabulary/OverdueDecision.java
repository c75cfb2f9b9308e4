package org.preventcase.vocabulary;

/** The case owner's decision when a partner agency has not answered its information request in time. */
public enum OverdueDecision implements FormOption {
  WAIT_LONGER("Wait longer, until a new due date"),
  PROCEED_WITHOUT("Go on without this agency's answer");

  private final String label;

  OverdueDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
