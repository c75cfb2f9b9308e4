package org.preventcase.vocabulary;

/** Who owns the counter-terrorism risk the assessment found (§3.3): none, Prevent policing, or counter-terrorism policing (Pursue or a police-led partnership), which Channel cannot hold. */
public enum CtRiskOwner implements FormOption {
  NONE("No counter-terrorism risk identified"),
  PREVENT_POLICING("Prevent policing"),
  COUNTER_TERRORISM_POLICING("Counter-terrorism policing (Pursue or police-led)");

  private final String label;

  CtRiskOwner(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
