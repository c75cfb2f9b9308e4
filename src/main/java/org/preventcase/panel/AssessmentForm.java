package org.preventcase.panel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.preventcase.vocabulary.PartnerAgency;

/** The fields of the form panel-assessment (docs/panel.md). */
final class AssessmentForm {

  static final String FORM_ID = "panel-assessment";
  static final String FRAMEWORK = "assessmentFramework";
  static final String SUSCEPTIBILITY = "susceptibility";
  static final String CT_RISK_OWNER = "ctRiskOwner";
  static final String OTHER_NEEDS = "otherNeeds";
  static final String MAPPA_ELIGIBLE = "mappaEligible";
  static final String INFORMATION_MISSING = "informationMissing";
  static final String SUMMARY = "assessmentSummary";

  private AssessmentForm() {}

  /** A configured dimension's rating and evidence: engagementRating, engagementEvidence. */
  static String rating(String dimension) {
    return dimension + "Rating";
  }

  static String evidence(String dimension) {
    return dimension + "Evidence";
  }

  /** An agency's contribution: contributionEducation, contributionChildrensSocialCare, ... */
  static String contribution(PartnerAgency agency) {
    return "contribution" + Arrays.stream(agency.name().split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT)).collect(Collectors.joining());
  }
}
