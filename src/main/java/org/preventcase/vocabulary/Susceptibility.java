package org.preventcase.vocabulary;

/** The panel's judgement of the person's susceptibility to being drawn into terrorism (§3.3). */
public enum Susceptibility implements FormOption {
  NOT_SUSCEPTIBLE("Not susceptible"),
  SUSCEPTIBLE("Susceptible"),
  HIGHLY_SUSCEPTIBLE("Highly susceptible");

  private final String label;

  Susceptibility(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
