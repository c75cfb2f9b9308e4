package org.preventcase.casefile;

import java.time.OffsetDateTime;

/**
 * What a referrer may know of a referral they made: received, being considered, or closed, never an
 * outcome (process.md §5: feedback is limited; nothing may reveal police interest).
 */
public record ReferralStatus(long referralId, OffsetDateTime receivedAt, String caseReference, Status status) {

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

  /** The neutral status of a referral from its case (none yet while a possible match is confirmed). */
  static Status of(String caseStatus, String caseStage) {
    if (caseStatus == null) {
      return Status.RECEIVED;
    }
    if ("CLOSED".equals(caseStatus)) {
      return Status.CLOSED;
    }
    return CaseService.FIRST_STAGE.equals(caseStage) ? Status.RECEIVED : Status.BEING_CONSIDERED;
  }
}
