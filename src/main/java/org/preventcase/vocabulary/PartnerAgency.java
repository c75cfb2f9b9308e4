package org.preventcase.vocabulary;

import java.util.Locale;

/**
 * The partner agencies a case owner may ask for information (process.md §2.3, the duty to co-operate
 * of s38): each is the {@code partner-*} group of the same name ({@code partner-childrens-social-care}
 * for {@code CHILDRENS_SOCIAL_CARE}), whose members answer that agency's requests.
 */
public enum PartnerAgency implements FormOption {
  EDUCATION("Education"),
  HEALTH("Health"),
  CHILDRENS_SOCIAL_CARE("Children's social care"),
  ADULT_SOCIAL_CARE("Adult social care"),
  PROBATION("Probation"),
  YOUTH_JUSTICE("Youth justice"),
  HOUSING("Housing"),
  POLICE("Police");

  private static final String GROUP_PREFIX = "partner-";
  private final String label;

  PartnerAgency(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The group whose members work this agency's requests: partner-&lt;code in lower case, hyphens&gt;. */
  public String groupId() {
    return GROUP_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The agency of a code, if it is one (codes are exact: {@code EDUCATION}). */
  public static java.util.Optional<PartnerAgency> ofCode(String code) {
    for (PartnerAgency agency : values()) {
      if (agency.name().equals(code)) {
        return java.util.Optional.of(agency);
      }
    }
    return java.util.Optional.empty();
  }
}
