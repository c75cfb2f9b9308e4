package org.preventcase.vocabulary;

/** How the panel reached its decision (s37(6): unanimous if possible, else by majority; with no majority the chair decides). */
public enum DecisionMethod implements FormOption {
  UNANIMOUS("Unanimous"),
  MAJORITY("By majority"),
  CHAIR_CASTING("The chair decided (no majority)");

  private final String label;

  DecisionMethod(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
