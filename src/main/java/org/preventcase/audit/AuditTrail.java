package org.preventcase.audit;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends to the audit trail (audit_event, through the function audit_append: the application role
 * may not insert, update or delete a row) and reads it back for the managers' view. Only the case service, the
 * managers' audit view and the retention's deletion (counts only) call it.
 */
@Component
public class AuditTrail {

  /** The most rows one look at a trail returns, newest first. */
  public static final int PAGE = 1000;
  private static final String COLUMNS = "id, at, user_id, authority_code, case_reference, subject_user_id, action, "
      + "outcome, purpose_code, purpose_detail, recipient";
  private static final RowMapper<AuditEvent> EVENT = (rs, row) -> new AuditEvent(rs.getLong(1),
      rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
      rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));

  private final JdbcClient jdbc;

  public AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(AuditRecord row) {
    // the only way in: the schema owner's function stamps the row with the database's clock
    jdbc.sql("SELECT audit_append(CAST(? AS varchar), CAST(? AS varchar), CAST(? AS bigint), CAST(? AS varchar), "
            + "CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), "
            + "CAST(? AS varchar))")
        .params(row.userId(), row.authorityCode(), row.caseId(), row.caseReference(), row.subjectUserId(),
            row.action().name(), row.outcome().name(), row.purpose().code().name(), row.purpose().detail(),
            row.recipient())
        .query(Long.class).single();
  }

  /** A case's trail, newest first (index audit_event_case_trail). */
  public List<AuditEvent> caseTrail(long caseId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE case_id = ? ORDER BY at DESC, id DESC LIMIT " + PAGE)
        .param(caseId).query(EVENT).list();
  }

  /** A user's accesses within the given authorities, newest first (index audit_event_user_reads). */
  public List<AuditEvent> userTrail(String userId, Collection<String> authorities) {
    if (authorities.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE user_id = :user AND authority_code IN (:authorities) "
            + "ORDER BY at DESC, id DESC LIMIT " + PAGE)
        .param("user", userId).param("authorities", authorities).query(EVENT).list();
  }
}
