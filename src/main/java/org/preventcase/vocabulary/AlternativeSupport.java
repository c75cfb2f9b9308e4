package org.preventcase.vocabulary;

/** Where a case the panel does not adopt is referred (s36(6): health or social care). */
public enum AlternativeSupport implements FormOption {
  CHILDRENS_SOCIAL_CARE("Children's social care"),
  ADULT_SOCIAL_CARE("Adult social care"),
  EARLY_HELP("Early Help"),
  MENTAL_HEALTH("Mental health services"),
  OTHER_HEALTH("Other health services");

  private final String label;

  AlternativeSupport(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
