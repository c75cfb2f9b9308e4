package org.preventcase.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The legal holds of cases (table case_legal_hold, V120): at most one in force per case. Placing and
 * lifting lock the case's row first, so the deletion (retention_delete_expired, which locks the rows it
 * deletes) either sees the hold or has already deleted the case.
 */
@Component
class LegalHoldRecords {

  private final JdbcClient jdbc;
  private final Clock clock;

  LegalHoldRecords(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Locks the case's row and tells whether a hold is in force; false when the case is gone. */
  Optional<Boolean> lockAndReadHold(CaseRecords.CaseHead head) {
    return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM case_legal_hold h WHERE h.case_id = c.id AND h.lifted_at IS NULL)
            FROM case_file c WHERE c.id = ? AND c.authority_code = ? FOR UPDATE OF c""")
        .params(head.id(), head.authorityCode()).query(Boolean.class).optional();
  }

  boolean inForce(CaseRecords.CaseHead head) {
    return jdbc.sql("SELECT count(*) FROM case_legal_hold WHERE case_id = ? AND lifted_at IS NULL")
        .param(head.id()).query(Long.class).single() > 0;
  }

  /** The hold in force on the case, for the case page: since when, by whom, why. */
  Optional<CaseView.Hold> holdInForce(CaseRecords.CaseHead head) {
    return jdbc.sql("""
            SELECT placed_at, placed_by, reason FROM case_legal_hold
            WHERE case_id = ? AND authority_code = ? AND lifted_at IS NULL""")
        .params(head.id(), head.authorityCode())
        .query((rs, row) -> new CaseView.Hold(rs.getObject(1, java.time.OffsetDateTime.class), rs.getString(2),
            rs.getString(3)))
        .optional();
  }

  void place(CaseRecords.CaseHead head, String reason, String user) {
    jdbc.sql("""
            INSERT INTO case_legal_hold (authority_code, case_id, reason, placed_at, placed_by) VALUES (?, ?, ?, ?, ?)""")
        .params(head.authorityCode(), head.id(), reason, Timestamp.from(clock.instant()), user).update();
  }

  void lift(CaseRecords.CaseHead head, String reason, String user) {
    jdbc.sql("""
            UPDATE case_legal_hold SET lifted_at = ?, lifted_by = ?, lift_reason = ?
            WHERE case_id = ? AND authority_code = ? AND lifted_at IS NULL""")
        .params(Timestamp.from(clock.instant()), user, reason, head.id(), head.authorityCode()).update();
  }
}
