package org.preventcase.vocabulary;

/**
 * Type of concern, in the Prevent Case Management Tracker categories used from 2024/25
 * (process.md §4 F). The pre-2024 categories and their mapping arrive with the statistics work.
 */
public enum ConcernType implements FormOption {
  EXTREME_RIGHT_WING("Extreme Right-Wing"),
  ISLAMIST("Islamist"),
  EXTREME_VIOLENCE_FASCINATION("Fascination with extreme violence or mass-casualty attacks"),
  NO_IDEOLOGY("No ideology identified"),
  NO_IDEOLOGY_OTHER_SUSCEPTIBILITY("No ideology, other susceptibility to radicalisation identified"),
  LEFT_WING_ANARCHIST_SINGLE_ISSUE("Left-wing, anarchist or single-issue"),
  INCEL("Incel"),
  CONFLICTED("Conflicted"),
  OTHER("Other");

  private final String label;

  ConcernType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
