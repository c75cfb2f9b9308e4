package org.preventcase.vocabulary;

/**
 * Risk and vulnerability facts a partner agency may say it holds information about, framework-agnostic
 * (process.md §3: the simpler factor lists of local forms and the 2024/25 statistics' flags); the
 * panel weighs them, the agency only says what it knows of.
 */
public enum InformationFactor implements FormOption {
  MENTAL_HEALTH("Mental health needs"),
  NEURODIVERGENCE("Neurodivergence, such as autism or ADHD"),
  ISOLATION_OR_EXCLUSION("Isolation or exclusion"),
  GRIEVANCE("A grievance or sense of injustice"),
  EXTREMIST_MATERIAL_OR_CONTACTS("Extremist material or contacts"),
  VIOLENCE_OR_THREATS("Violence or threats of violence"),
  OFFENDING("Offending or criminal associations"),
  SAFEGUARDING("Other safeguarding concerns, such as abuse, neglect or exploitation"),
  TRANSITION("A time of change, such as a move, leaving care or a bereavement");

  private final String label;

  InformationFactor(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
