package org.preventcase.vocabulary;

/** The Channel panel's decision on a listed case (process.md §2.4; issue 10 item 5): these values exactly. */
public enum PanelDecision implements FormOption {
  ADOPT("Adopt as a Channel case"),
  NOT_ADOPT_REFER_ALTERNATIVE("Not adopted: refer to health or social care (s36(6))"),
  NOT_ADOPT_NFA("Not adopted: no further action"),
  RETURN_TO_POLICE("Return to the police"),
  REFER_TO_MAPPA("Refer to MAPPA"),
  DEFER("Defer to the next meeting");

  private final String label;

  PanelDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
