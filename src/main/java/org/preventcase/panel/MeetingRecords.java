package org.preventcase.panel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The meetings themselves (V110: panel_meeting, its authorities, attendees and representation): no
 * case data; the cases listed and their outcomes are the case record's (CaseService). Case references
 * are read here only to address the meeting's messages and notices.
 */
@Repository
public class MeetingRecords {

  /** A listed case's reference, authority and why it is listed, for the meeting's messages. */
  public record Listed(String reference, String authorityCode, String purpose) {}

  /** An invited member: user id and the group (agency) they sit for; whether they attended, once recorded. */
  public record Attendee(String userId, String agencyGroup, Boolean attended) {}

  /** The advisory lock class of calling extraordinary meetings ("EXTR" in ASCII). */
  private static final int EXTRAORDINARY_CALLS = 0x45585452;

  private final JdbcClient jdbc;

  public MeetingRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Meeting insert(String lead, List<String> authorities, Meeting.Kind kind, Instant meetsAt, Instant agendaDueAt,
      int capacity, String user) {
    long id = jdbc.sql("""
            INSERT INTO panel_meeting (authority_code, kind, meets_at, agenda_due_at, capacity, created_by)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(lead, kind.name(), Timestamp.from(meetsAt), Timestamp.from(agendaDueAt), capacity, user)
        .query(Long.class).single();
    authorities.forEach(authority -> jdbc.sql("INSERT INTO panel_meeting_authority (meeting_id, authority_code) VALUES (?, ?)")
        .params(id, authority).update());
    return find(id).orElseThrow();
  }

  public Optional<Meeting> find(long id) {
    List<String> authorities = jdbc.sql(
            "SELECT authority_code FROM panel_meeting_authority WHERE meeting_id = ? ORDER BY authority_code")
        .param(id).query(String.class).list();
    return jdbc.sql("""
            SELECT id, authority_code, kind, meets_at, agenda_due_at, capacity, status FROM panel_meeting WHERE id = ?""")
        .param(id)
        .query((rs, row) -> new Meeting(rs.getLong("id"), rs.getString("authority_code"), authorities,
            Meeting.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("meets_at").toInstant(),
            rs.getTimestamp("agenda_due_at").toInstant(), rs.getInt("capacity"),
            Meeting.Status.valueOf(rs.getString("status"))))
        .optional();
  }

  /**
   * The lead's next routine meeting after {@code now} that is not yet held and has room for one more case to
   * decide (an extraordinary meeting hears only the cases it was called for).
   */
  public Optional<Meeting> nextWithRoom(String lead, Instant now) {
    return jdbc.sql("""
            SELECT m.id FROM panel_meeting m
            WHERE m.authority_code = ? AND m.kind = 'ROUTINE' AND m.status IN ('SCHEDULED', 'AGENDA_ISSUED')
              AND m.meets_at > ?
              AND (SELECT count(*) FROM panel_listing l WHERE l.meeting_id = m.id AND l.purpose = 'DECIDE'
                   AND l.outcome IS DISTINCT FROM 'MOVED') < m.capacity
            ORDER BY m.meets_at, m.id LIMIT 1""")
        .params(lead, Timestamp.from(now)).query(Long.class).optional().flatMap(this::find);
  }

  /**
   * Waits for any other transaction calling an extraordinary meeting of the lead's panel to commit (a
   * transaction-scoped PostgreSQL advisory lock, so that it holds across application instances too): two
   * escalations at once take turns, and the second finds the meeting the first called.
   */
  public void takeTurnToCallExtraordinary(String lead) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(EXTRAORDINARY_CALLS, lead)
        .query(lockTaken -> { }); // the lock is the statement's whole effect: its one row holds nothing to read
  }

  /** The lead's extraordinary meeting that meets between {@code from} and {@code until}, if one is still to be opened. */
  public Optional<Meeting> extraordinaryToMeet(String lead, Instant from, Instant until) {
    return jdbc.sql("""
            SELECT id FROM panel_meeting WHERE authority_code = ? AND kind = 'EXTRAORDINARY'
              AND status IN ('SCHEDULED', 'AGENDA_ISSUED') AND meets_at >= ? AND meets_at < ?
            ORDER BY id LIMIT 1""")
        .params(lead, Timestamp.from(from), Timestamp.from(until)).query(Long.class).optional().flatMap(this::find);
  }

  /** When the lead's latest routine meeting meets, if it has one. */
  public Optional<Instant> lastRoutine(String lead) {
    return jdbc.sql("SELECT max(meets_at) FROM panel_meeting WHERE authority_code = ? AND kind = 'ROUTINE'")
        .param(lead).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  /** How many routine meetings of the lead are still to be held after {@code now}. */
  public int routineAhead(String lead, Instant now) {
    return jdbc.sql("""
            SELECT count(*) FROM panel_meeting WHERE authority_code = ? AND kind = 'ROUTINE' AND meets_at > ?
              AND status IN ('SCHEDULED', 'AGENDA_ISSUED')""")
        .params(lead, Timestamp.from(now)).query(Integer.class).single();
  }

  /** Moves the meeting on; false if it was not where {@code from} says (a repeated step). */
  public boolean advance(long id, Meeting.Status from, Meeting.Status to) {
    String stamp = switch (to) {
      case AGENDA_ISSUED -> "agenda_issued_at";
      case OPEN -> "opened_at";
      case MINUTES_FINAL -> "minutes_final_at";
      case SCHEDULED -> throw new IllegalArgumentException("A meeting is scheduled only once");
    };
    return jdbc.sql("UPDATE panel_meeting SET status = ?, " + stamp + " = now() WHERE id = ? AND status = ?")
        .params(to.name(), id, from.name()).update() == 1;
  }

  public void invite(long id, String userId, String agencyGroup, String confirmedBy) {
    jdbc.sql("""
            INSERT INTO panel_attendee (meeting_id, user_id, agency_group, vetting_confirmed_by) VALUES (?, ?, ?, ?)
            ON CONFLICT (meeting_id, user_id) DO NOTHING""")
        .params(id, userId, agencyGroup, confirmedBy).update();
  }

  public List<Attendee> attendees(long id) {
    return jdbc.sql("SELECT user_id, agency_group, attended FROM panel_attendee WHERE meeting_id = ? ORDER BY user_id")
        .param(id).query((rs, row) -> new Attendee(rs.getString(1), rs.getString(2), (Boolean) rs.getObject(3))).list();
  }

  /** Who of the invited attended (everyone else did not), and who was represented. */
  public void recordAttendance(long id, List<String> attended, List<String> authorities, List<String> forces) {
    jdbc.sql("UPDATE panel_attendee SET attended = (user_id = ANY (?)) WHERE meeting_id = ?")
        .params(attended.toArray(String[]::new), id).update();
    authorities.forEach(code -> represent(id, "LOCAL_AUTHORITY", code));
    forces.forEach(code -> represent(id, "POLICE_FORCE", code));
  }

  private void represent(long id, String kind, String code) {
    jdbc.sql("INSERT INTO panel_representation (meeting_id, kind, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .params(id, kind, code).update();
  }

  /** The codes represented at the meeting: LOCAL_AUTHORITY or POLICE_FORCE. */
  public List<String> represented(long id, String kind) {
    return jdbc.sql("SELECT code FROM panel_representation WHERE meeting_id = ? AND kind = ? ORDER BY code")
        .params(id, kind).query(String.class).list();
  }

  /** The cases on the meeting's agenda (not those moved to another meeting). */
  public List<Listed> listed(long id) {
    return jdbc.sql("""
            SELECT c.reference, c.authority_code, l.purpose FROM panel_listing l JOIN case_file c ON c.id = l.case_id
            WHERE l.meeting_id = ? AND l.outcome IS DISTINCT FROM 'MOVED' ORDER BY l.purpose, c.reference""")
        .param(id).query((rs, row) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  /** The meetings a user is invited to whose agenda is issued and whose minutes are not final. */
  public List<Long> openInvitations(String userId) {
    return jdbc.sql("""
            SELECT m.id FROM panel_meeting m JOIN panel_attendee a ON a.meeting_id = m.id
            WHERE a.user_id = ? AND m.status IN ('AGENDA_ISSUED', 'OPEN') ORDER BY m.meets_at""")
        .param(userId).query(Long.class).list();
  }
}
