package org.preventcase.casefile;

import java.time.OffsetDateTime;

/**
 * What a referrer may know of a referral they made: its reference, received, being considered, or
 * closed, never an outcome (process.md §5: feedback is limited; nothing may reveal police interest)
 * and never the case it joined: a referral about a person already known reads like any other.
 */
public record ReferralStatus(long referralId, String reference, OffsetDateTime receivedAt, Status status) {

  public ReferralStatus(long referralId, OffsetDateTime receivedAt, Status status) {
    this(referralId, ReferralReference.of(referralId), receivedAt, status);
  }

  public enum Status {
    RECEIVED("received"), BEING_CONSIDERED("being considered"), CLOSED("closed");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
      return label;
    }
  }

  /**
   * The neutral status of a referral: received until its case (none yet while a possible match is
   * confirmed) moves past screening, being considered after, closed when the case closes. A referral
   * that joined a case opened by an earlier one follows its own course, not that case's stage: it
   * reads "received" until the case closes, so an older case's progress never shows.
   */
  static Status of(String caseStatus, String caseStage, boolean openedTheCase) {
    if (caseStatus == null) {
      return Status.RECEIVED;
    }
    if (CaseStatus.CLOSED.name().equals(caseStatus)) {
      return Status.CLOSED;
    }
    return openedTheCase && !CaseService.FIRST_STAGE.name().equals(caseStage) ? Status.BEING_CONSIDERED : Status.RECEIVED;
  }
}
