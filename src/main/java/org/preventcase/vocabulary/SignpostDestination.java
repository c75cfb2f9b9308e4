package org.preventcase.vocabulary;

/** Where a case is signposted to (process.md §2.2, issue 9 item 4). */
public enum SignpostDestination implements FormOption {
  CHILDRENS_SOCIAL_CARE("Children's social care"),
  ADULT_SOCIAL_CARE("Adult social care"),
  EARLY_HELP("Early Help"),
  MENTAL_HEALTH("Mental health services"),
  EDUCATION("Education"),
  HOUSING("Housing"),
  OTHER("Another service");

  private final String label;

  SignpostDestination(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
