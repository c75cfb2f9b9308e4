package org.preventcase.vocabulary;

/** The referrer's sector, as the Home Office statistics count it (process.md §1, §6.2). */
public enum ReferrerSector implements FormOption {
  EDUCATION("Education"),
  POLICE("Police"),
  LOCAL_AUTHORITY("Local authority"),
  HEALTH("Health"),
  PRISONS("Prisons"),
  PROBATION("Probation"),
  COMMUNITY("Community"),
  FRIENDS_AND_FAMILY("Friends and family"),
  OTHER("Other");

  private final String label;

  ReferrerSector(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
