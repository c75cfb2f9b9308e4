package org.preventcase.vocabulary;

/** The kinds of Channel intervention a support plan arranges (process.md §2.6; form support-plan). */
public enum InterventionType implements FormOption {
  IDEOLOGICAL_MENTORING("Ideological or theological mentoring"),
  LIFE_SKILLS("Life skills, anger management or cognitive behavioural work"),
  EDUCATION_CAREERS_EMPLOYMENT("Education, careers or employment"),
  HOUSING("Housing"),
  MENTAL_HEALTH("Mental health"),
  DRUGS_AND_ALCOHOL("Drugs and alcohol"),
  DIVERSIONARY_ACTIVITY("Diversionary activity, such as sport"),
  FAMILY_SUPPORT("Family support"),
  ONLINE_SAFETY("Online-safety help for parents");

  private final String label;

  InterventionType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
