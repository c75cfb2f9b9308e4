package org.preventcase.casefile;

import java.util.List;

/**
 * One case on a panel meeting's agenda, as the meeting page shows it: references and codes only (the
 * non-identifying summary), the assessment so far, and what the panel decided.
 *
 * @param concernType, urgency, referrerSector the first referral's facts (codes)
 * @param referralCount how many referrals the case handles
 * @param assessment the latest multi-agency assessment, if any
 * @param contributions how many agencies contributed to the assessment so far
 * @param outcome the listing's outcome (a PanelDecision, ReviewDecision, INQUORATE or MOVED), if any
 */
public record MeetingCase(String reference, String authorityCode, ListingPurpose purpose, String stage,
    String concernType, String urgency, String referrerSector, int referralCount, PanelAssessment assessment,
    int contributions, String recommendation, String outcome, String decisionMethod, Boolean quorate) {

  public MeetingCase {
    contributions = Math.max(0, contributions);
  }

  /** The summaries in agenda order: decisions first, then reviews, each by reference. */
  static List<MeetingCase> inAgendaOrder(List<MeetingCase> cases) {
    return cases.stream().sorted(java.util.Comparator.comparing(MeetingCase::purpose)
        .thenComparing(MeetingCase::reference)).toList();
  }
}
