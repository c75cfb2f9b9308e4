package org.preventcase.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.preventcase.vocabulary.AssessmentFramework;
import org.preventcase.vocabulary.CtRiskOwner;
import org.preventcase.vocabulary.Susceptibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case side of the Channel panel's records (V110): a case's listings at meetings, their
 * outcomes, the multi-agency assessments, and the per-case access list of the panel's members (the
 * members invited to a meeting that lists the case, from the agenda's issue until the minutes are
 * final). Used only by {@link CaseService}, which checks and audits every access.
 */
@Repository
class PanelRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> RATINGS = new TypeReference<>() {};
  private final JdbcClient jdbc;

  PanelRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Lists the case at the meeting (again a no-op; back at a meeting it was moved from, listed there again);
   * its earlier open listings to be decided move there.
   */
  void list(CaseRecords.CaseHead head, long meetingId, ListingPurpose purpose, String user) {
    if (purpose == ListingPurpose.DECIDE) {
      jdbc.sql("""
              UPDATE panel_listing SET outcome = 'MOVED', decided_at = now(), decided_by = :user
              WHERE case_id = :case AND purpose = 'DECIDE' AND outcome IS NULL AND meeting_id <> :meeting""")
          .param("user", user).param("case", head.id()).param("meeting", meetingId).update();
    }
    jdbc.sql("""
            INSERT INTO panel_listing (meeting_id, case_id, authority_code, purpose, listed_by)
            VALUES (:meeting, :case, :authority, :purpose, :user)
            ON CONFLICT (meeting_id, case_id) DO UPDATE SET outcome = NULL, decided_at = NULL, decided_by = NULL,
              listed_at = now(), listed_by = EXCLUDED.listed_by, purpose = EXCLUDED.purpose
            WHERE panel_listing.outcome = 'MOVED'""")
        .param("meeting", meetingId).param("case", head.id()).param("authority", head.authorityCode())
        .param("purpose", purpose.name()).param("user", user).update();
  }

  /** The listing's outcome; false when the case is not listed at that meeting. */
  boolean recordOutcome(CaseRecords.CaseHead head, long meetingId, PanelOutcome outcome, String user) {
    return jdbc.sql("""
            UPDATE panel_listing SET outcome = :outcome, recommendation = :recommendation, decision_method = :method,
              quorate = :quorate, decided_at = now(), decided_by = :user
            WHERE meeting_id = :meeting AND case_id = :case""")
        .param("outcome", outcome.outcome()).param("recommendation", outcome.recommendation())
        .param("method", outcome.decisionMethod()).param("quorate", outcome.quorate()).param("user", user)
        .param("meeting", meetingId).param("case", head.id()).update() == 1;
  }

  void insertAssessment(CaseRecords.CaseHead head, long meetingId, PanelAssessment assessment, int contributions,
      long entryId, String user) {
    jdbc.sql("""
            INSERT INTO panel_assessment (authority_code, case_id, meeting_id, framework, ratings, susceptibility,
              ct_risk_owner, other_needs, mappa_eligible, information_complete, contributions, entry_id, recorded_by)
            VALUES (:authority, :case, :meeting, :framework, CAST(:ratings AS jsonb), :susceptibility, :owner,
              :otherNeeds, :mappa, :complete, :contributions, :entry, :user)""")
        .param("authority", head.authorityCode()).param("case", head.id()).param("meeting", meetingId)
        .param("framework", assessment.framework().name()).param("ratings", json(assessment.ratings()))
        .param("susceptibility", assessment.susceptibility().name()).param("owner", assessment.ctRiskOwner().name())
        .param("otherNeeds", assessment.otherNeeds()).param("mappa", assessment.mappaEligible())
        .param("complete", assessment.informationComplete()).param("contributions", contributions)
        .param("entry", entryId).param("user", user).update();
  }

  Optional<PanelAssessment> latestAssessment(CaseRecords.CaseHead head) {
    return jdbc.sql("""
            SELECT framework, ratings::text AS ratings, susceptibility, ct_risk_owner, other_needs, mappa_eligible,
              information_complete FROM panel_assessment WHERE case_id = :case ORDER BY id DESC LIMIT 1""")
        .param("case", head.id()).query((rs, row) -> assessment(rs)).optional();
  }

  /** Whether the user is invited to this meeting, which lists the case, between the agenda's issue and final minutes. */
  boolean invited(String userId, long caseId, long meetingId) {
    return jdbc.sql("""
            SELECT count(*) FROM panel_listing l JOIN panel_meeting m ON m.id = l.meeting_id
              JOIN panel_attendee a ON a.meeting_id = m.id
            WHERE l.case_id = :case AND l.meeting_id = :meeting AND a.user_id = :user
              AND m.status IN ('AGENDA_ISSUED', 'OPEN') AND l.outcome IS DISTINCT FROM 'MOVED'""")
        .param("case", caseId).param("meeting", meetingId).param("user", userId).query(Long.class).single() > 0;
  }

  /**
   * Open cases of these authorities the panel adopted and that have not exited since (a case adopted again
   * after an exit is reviewed again): reviewed at every meeting.
   */
  List<CaseRecords.CaseHead> adoptedNotExited(Collection<String> authorities, CaseRecords records) {
    if (authorities.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT c.reference FROM case_file c
            WHERE c.status = 'OPEN' AND c.authority_code IN (:authorities)
              AND EXISTS (SELECT 1 FROM panel_listing l WHERE l.case_id = c.id AND l.outcome = 'ADOPT'
                AND NOT EXISTS (SELECT 1 FROM panel_listing x WHERE x.case_id = c.id AND x.outcome = 'EXIT' AND x.id > l.id))
            ORDER BY c.reference""")
        .param("authorities", authorities).query(String.class).list().stream()
        .map(reference -> records.find(reference).orElseThrow()).toList();
  }

  /** The meeting's listed cases with their summaries, assessments and outcomes. */
  List<MeetingCase> listed(long meetingId) {
    return MeetingCase.inAgendaOrder(jdbc.sql("""
            SELECT c.reference, c.authority_code, l.purpose, c.stage, l.recommendation, l.outcome, l.decision_method,
              l.quorate, r.concern_type, r.urgency, r.referrer_sector,
              (SELECT count(*) FROM case_referral cr WHERE cr.case_id = c.id) AS referrals,
              a.framework, a.ratings::text AS ratings, a.susceptibility, a.ct_risk_owner, a.other_needs,
              a.mappa_eligible, a.information_complete, a.contributions
            FROM panel_listing l JOIN case_file c ON c.id = l.case_id
              LEFT JOIN LATERAL (SELECT rf.concern_type, rf.urgency, rf.referrer_sector FROM case_referral cr
                JOIN referral rf ON rf.id = cr.referral_id WHERE cr.case_id = c.id ORDER BY rf.received_at LIMIT 1) r
                ON true
              LEFT JOIN LATERAL (SELECT * FROM panel_assessment pa WHERE pa.case_id = c.id ORDER BY pa.id DESC
                LIMIT 1) a ON true
            WHERE l.meeting_id = :meeting AND l.outcome IS DISTINCT FROM 'MOVED'""")
        .param("meeting", meetingId)
        .query((rs, row) -> new MeetingCase(rs.getString("reference"), rs.getString("authority_code"),
            ListingPurpose.valueOf(rs.getString("purpose")), rs.getString("stage"), rs.getString("concern_type"),
            rs.getString("urgency"), rs.getString("referrer_sector"), rs.getInt("referrals"),
            rs.getString("framework") == null ? null : assessment(rs), rs.getInt("contributions"),
            rs.getString("recommendation"), rs.getString("outcome"), rs.getString("decision_method"),
            (Boolean) rs.getObject("quorate")))
        .list());
  }

  private static PanelAssessment assessment(ResultSet rs) throws SQLException {
    try {
      return new PanelAssessment(AssessmentFramework.valueOf(rs.getString("framework")),
          JSON.readValue(rs.getString("ratings"), RATINGS), Susceptibility.valueOf(rs.getString("susceptibility")),
          CtRiskOwner.valueOf(rs.getString("ct_risk_owner")), rs.getBoolean("other_needs"),
          rs.getBoolean("mappa_eligible"), rs.getBoolean("information_complete"));
    } catch (JsonProcessingException unreadable) {
      throw new IllegalStateException("A panel assessment's ratings are not JSON", unreadable);
    }
  }

  private static String json(Map<String, String> ratings) {
    try {
      return JSON.writeValueAsString(ratings);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
