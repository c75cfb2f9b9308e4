package org.preventcase.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.preventcase.casefile.CaseEvents;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.Stage;
import org.preventcase.vocabulary.AgeBand;
import org.preventcase.vocabulary.ConsentOutcome;
import org.preventcase.vocabulary.EarlierAgeBand;
import org.preventcase.vocabulary.GatewayOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The anonymised statistics row of each referral (referral_statistics, V121; docs/retention.md), which
 * outlives the case record so the board's figures survive its deletion. Written from the case service's
 * events as the referral is recorded, its case moves and closes, and through this API by the stages
 * that decide what the board counts: the gateway's outcome, the panel (discussed, adopted) and consent.
 * Every row of a case's referrals gets the same facts. Months, never days; no reference of any kind.
 */
@Component
public class ReferralStatistics {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final JdbcClient jdbc;
  private final PersonKeys keys;
  private final CaseService cases;

  ReferralStatistics(JdbcClient jdbc, PersonKeys keys, CaseService cases) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.cases = cases;
  }

  /** The gateway's outcome for the case (the screening's decision). */
  public void gatewayOutcome(String caseReference, GatewayOutcome outcome) {
    update(caseReference, "gateway_outcome = :value", outcome.name());
  }

  /** The panel discussed the case and decided whether to adopt it as a Channel case. */
  public void discussedAtPanel(String caseReference, boolean adopted) {
    update(caseReference, "discussed_at_panel = true, adopted = :value", adopted);
  }

  /** How the approach for consent ended. */
  public void consentOutcome(String caseReference, ConsentOutcome outcome) {
    update(caseReference, "consent_outcome = :value", outcome.name());
  }

  private void update(String caseReference, String set, Object value) {
    List<UUID> rows = cases.statisticsOf(caseReference);
    if (!rows.isEmpty()) {
      jdbc.sql("UPDATE referral_statistics SET " + set + " WHERE id IN (:rows)").param("value", value).param("rows", rows)
          .update();
    }
  }

  @EventListener
  void recorded(CaseEvents.ReferralRecorded referral) {
    Integer age = referral.ageInYears();
    jdbc.sql("""
            INSERT INTO referral_statistics (id, authority_code, person_key, referred_month, referrer_sector, concern_type,
              age_band, earlier_age_band, gender) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(referral.statisticsId(), referral.authorityCode(), keys.of(referral.person()),
            month(referral.receivedAt()), referral.referrerSector(), referral.concernType(),
            age == null ? null : AgeBand.ofYears(age).name(), age == null ? null : EarlierAgeBand.ofYears(age).name(),
            referral.gender())
        .update();
  }

  @EventListener
  void moved(CaseEvents.StageChanged changed) {
    move(changed.move());
    if (changed.move().left() == Stage.CLOSED) {
      // reopened: no longer closed
      changed.move().statisticsIds().forEach(row -> jdbc.sql(
          "UPDATE referral_statistics SET closure_reason = NULL, closed_month = NULL WHERE id = ?").param(row).update());
    }
  }

  @EventListener
  void closed(CaseEvents.Closed closed) {
    CaseEvents.Move move = closed.move();
    move(move);
    move.statisticsIds().forEach(row -> jdbc.sql(
            "UPDATE referral_statistics SET closure_reason = ?, closed_month = ? WHERE id = ?")
        .params(closed.reason().name(), month(move.at()), row).update());
  }

  /** The stage left took its days; the stage entered (unless the case closed) begins this month. */
  private void move(CaseEvents.Move move) {
    for (UUID row : move.statisticsIds()) {
      if (move.left() != null) {
        jdbc.sql("""
                UPDATE referral_statistics_stage SET days_taken = ?
                WHERE id = (SELECT max(id) FROM referral_statistics_stage WHERE statistics_id = ? AND stage = ?)
                  AND days_taken IS NULL""")
            .params(ChronoUnit.DAYS.between(day(move.leftSince()), day(move.at())), row, move.left().name()).update();
      }
      if (move.entered() != Stage.CLOSED) {
        jdbc.sql("INSERT INTO referral_statistics_stage (statistics_id, stage, entered_month) VALUES (?, ?, ?)")
            .params(row, move.entered().name(), month(move.at())).update();
      }
    }
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, LONDON);
  }

  static LocalDate month(Instant at) {
    return day(at).withDayOfMonth(1);
  }
}
