package org.preventcase.vocabulary;

/** The case owner's preliminary assessment after information gathering (process.md §2.3). */
public enum PreliminaryDecision implements FormOption {
  LIST_FOR_PANEL("List the case for the Channel panel"),
  SIGNPOST("Signpost to another service and close the case"),
  CLOSE("No further action: close the case");

  private final String label;

  PreliminaryDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
