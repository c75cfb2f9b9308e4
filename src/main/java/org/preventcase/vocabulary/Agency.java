package org.preventcase.vocabulary;

/**
 * Other agencies or professionals already working with the person (process.md §4 C "other
 * information", and the panel partners of §1).
 */
public enum Agency implements FormOption {
  CHILDRENS_SOCIAL_CARE("Children's social care"),
  ADULT_SOCIAL_CARE("Adult social care"),
  EARLY_HELP("Early Help (CAF)"),
  MASH("Multi-Agency Safeguarding Hub (MASH)"),
  EDUCATION("School, college or university"),
  HEALTH("Health (GP, hospital)"),
  MENTAL_HEALTH("Mental health services (CAMHS, adult)"),
  POLICE("Police"),
  PROBATION("Probation"),
  YOUTH_JUSTICE("Youth justice"),
  MAPPA("MAPPA"),
  HOUSING("Housing"),
  OTHER("Other");

  private final String label;

  Agency(String label) { this.label = label; }

  @Override public String label() { return label; }
}
