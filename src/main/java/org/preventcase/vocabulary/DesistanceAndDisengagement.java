package org.preventcase.vocabulary;

/**
 * The Desistance and Disengagement Programme (HMPPS; process.md §2.9), which works with people
 * convicted of terrorist or terrorist-related offences, on licence, and others it accepts.
 */
public enum DesistanceAndDisengagement implements FormOption {
  REFERRED("Referred to the Desistance and Disengagement Programme"),
  TO_BE_CONSIDERED("To be considered by probation before release"),
  NOT_APPLICABLE("Does not apply: not a terrorist or terrorist-related offence");

  private final String label;

  DesistanceAndDisengagement(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
