package org.preventcase.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as the case page and the case API show it; {@code earlierCases} carries the history of a
 * repeat referral (the person's other cases in this authority), {@code chronology} what happened to the
 * case in time order; a closed case says when and why ({@link ClosureReason}), an open one has neither.
 */
public record CaseView(String reference, String authorityCode, String authorityName, String stage, String status,
    OffsetDateTime openedAt, Person person, List<Referral> referrals, List<Entry> entries, List<OpenTask> openTasks,
    List<EarlierCase> earlierCases, List<Happening> chronology, OffsetDateTime closedAt, String closureReason,
    Hold legalHold, Instant deletableFrom) {

  /** Why the case closed, in words; empty while it is open. */
  public String closureReasonLabel() {
    return closureReason == null ? "" : ClosureReason.valueOf(closureReason).label();
  }

  /**
   * The legal hold in force (null when none): since when, placed by whom (a Prevent manager, the only
   * role that places one: docs/retention.md) and why. While it is in force the record is not deleted.
   */
  public record Hold(OffsetDateTime placedAt, String placedBy, String reason) {}

  /** Another case of the same person (a repeat referral's history). */
  public record EarlierCase(String reference, String status, OffsetDateTime openedAt) {}

  public record Person(String givenNames, String familyName, LocalDate dateOfBirth, String gender,
      List<String> aliases, List<Address> addresses) {}

  /** Address history, newest first. */
  public record Address(String address, String postcode, LocalDate livedFrom, OffsetDateTime recordedAt) {}

  /**
   * A referral: its core facts, the referrer's address, when 999 was called, and the national form's
   * other answers by form field key (text as written).
   */
  public record Referral(long id, OffsetDateTime receivedAt, String referrerSector, String concernType,
      String urgency, String concern, String referrerEmail, OffsetDateTime called999At,
      java.util.Map<String, Object> details) {}

  /** An entry; a corrected entry stays in the history and names the entries that correct it. */
  public record Entry(long id, EntryKind kind, String summary, String body, Long correctsEntryId,
      List<Long> correctedBy, OffsetDateTime recordedAt, String recordedBy) {

    public boolean corrected() {
      return !correctedBy.isEmpty();
    }
  }

  public record OpenTask(String id, String name, String assignee, Instant created, Instant due) {}
}
