package org.preventcase.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the case service tells the rest of the application as a case changes, published in the
 * transaction of the change (Spring application events, read by synchronous listeners): references,
 * codes and times, and for the statistics' person key the person's identifiers, held in memory only.
 */
public final class CaseEvents {

  private CaseEvents() {}

  /**
   * A referral was recorded, with its statistics row's key (referral.statistics_id) and the facts the
   * anonymised statistics keep; {@code person} is only for the pseudonymous person key, never stored.
   */
  public record ReferralRecorded(UUID statisticsId, String authorityCode, Instant receivedAt, String referrerSector,
      String concernType, Integer ageInYears, String gender, PersonIdentity person) {}

  /** Who the referral is about, for the statistics' keyed hash only; its text never shows the values. */
  public record PersonIdentity(String nhsNumber, String givenNames, String familyName, LocalDate dateOfBirth) {
    @Override
    public String toString() {
      return "PersonIdentity[withheld]";
    }
  }

  /**
   * The case's referrals (their statistics rows' keys) left a stage they had been in since
   * {@code leftSince} (none when the referral just joined the case) and entered another, at {@code at}.
   */
  public record Move(List<UUID> statisticsIds, Stage left, Instant leftSince, Stage entered, Instant at) {}

  /** The case entered another stage (it opened, moved, or a referral joined it in its stage). */
  public record StageChanged(Move move) {}

  /** The case closed for this reason; {@code state} says whether a legal hold is in force. */
  public record Closed(LegalHold state, ClosureReason reason, Move move) {}

  /** A legal hold was placed on the case or lifted. */
  public record HoldChanged(LegalHold state) {}
}
