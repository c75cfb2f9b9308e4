package org.preventcase.vocabulary;

/**
 * The referrer's sector: the sectors the Home Office statistics count (process.md §1, §6.2), split
 * where the partners of a Channel panel (CTSA 2015 Schedule 7, process.md §1) are named on their own,
 * so a referral from Jobcentre Plus, adult social care or a youth offending team says so (how each
 * counts in the Home Office's sectors: docs/referrals.md).
 */
public enum ReferrerSector implements FormOption {
  EDUCATION("Education: schools, colleges, early years"),
  HIGHER_EDUCATION("Higher education: universities"),
  POLICE("Police"),
  LOCAL_AUTHORITY("Local authority"),
  CHILDRENS_SOCIAL_CARE("Children's social care"),
  ADULT_SOCIAL_CARE("Adult social care"),
  HEALTH("Health: NHS, GP, mental health services"),
  PRISONS("Prisons, young offender institutions, secure training centres"),
  PROBATION("Probation"),
  YOUTH_JUSTICE("Youth justice: youth offending teams"),
  DWP_JOBCENTRE_PLUS("DWP or Jobcentre Plus"),
  HOME_OFFICE_IMMIGRATION("Home Office: immigration or Border Force"),
  OTHER_GOVERNMENT("Another government department"),
  COMMUNITY("Community: faith or voluntary groups"),
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
