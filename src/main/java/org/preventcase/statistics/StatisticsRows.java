package org.preventcase.statistics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the anonymised statistics rows (referral_statistics, referral_statistics_stage; docs/retention.md)
 * back for the board report: codes, months and counts of days, nothing that names a person or a case.
 * These rows outlive the case records, so the figures survive their deletion.
 */
@Component
public class StatisticsRows {

  /**
   * One referral as the statistics keep it; {@code repeat} says whether the same person (the same
   * pseudonymous key) was referred to this authority before (an earlier month, or earlier in the month).
   */
  public record Referral(LocalDate referredMonth, String referrerSector, String concernType, String ageBand,
      String earlierAgeBand, String gender, String gatewayOutcome, boolean discussedAtPanel, Boolean adopted,
      String consentOutcome, String closureReason, boolean repeat) {}

  /** One stage a referral's case went through: the month it began and the days it took (null while in it). */
  public record StageSpell(String stage, LocalDate enteredMonth, Integer daysTaken) {}

  private final JdbcClient jdbc;

  StatisticsRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The authority's referrals received in the months from {@code from} up to (not including) {@code until}. */
  public List<Referral> referrals(String authorityCode, LocalDate from, LocalDate until) {
    return jdbc.sql("""
            SELECT referred_month, referrer_sector, concern_type, age_band, earlier_age_band, gender, gateway_outcome,
                   discussed_at_panel, adopted, consent_outcome, closure_reason, earlier > 0 AS repeat
            FROM (SELECT s.*, row_number() OVER (PARTITION BY person_key ORDER BY referred_month, id) - 1 AS earlier
                  FROM referral_statistics s WHERE authority_code = :authority AND referred_month < :until) counted
            WHERE referred_month >= :from""")
        .param("authority", authorityCode).param("from", from).param("until", until)
        .query((row, n) -> new Referral(row.getObject(1, LocalDate.class), row.getString(2), row.getString(3),
            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getBoolean(8),
            (Boolean) row.getObject(9), row.getString(10), row.getString(11), row.getBoolean(12)))
        .list();
  }

  /** The stages the authority's cases entered in the months from {@code from} up to (not including) {@code until}. */
  public List<StageSpell> stages(String authorityCode, LocalDate from, LocalDate until) {
    return jdbc.sql("""
            SELECT st.stage, st.entered_month, st.days_taken FROM referral_statistics_stage st
            JOIN referral_statistics s ON s.id = st.statistics_id
            WHERE s.authority_code = :authority AND st.entered_month >= :from AND st.entered_month < :until""")
        .param("authority", authorityCode).param("from", from).param("until", until)
        .query((row, n) -> new StageSpell(row.getString(1), row.getObject(2, LocalDate.class),
            (Integer) row.getObject(3)))
        .list();
  }
}
