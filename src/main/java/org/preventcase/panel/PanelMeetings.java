package org.preventcase.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseReference;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panels' calendar (process.md §2.4, §2.11): routine meetings by each panel's cadence, a case
 * listed at its panel's next meeting with room (a meeting is scheduled when none has room), and an
 * extraordinary meeting for an urgent case, called by a Channel coordinator from Tasklist or by a
 * later stage's escalation ({@link #callExtraordinary}). Every meeting is a record and a process
 * ({@value Panel#MEETING_PROCESS}): a routine meeting's tenant is its lead authority, an extraordinary
 * meeting's the authority that called it (the urgent case's).
 */
@Service
public class PanelMeetings {

  /** The start variable that names the authority (the tenant) of the meeting's process. */
  static final String AUTHORITY = org.preventcase.engine.AuthorityNotChosenException.FIELD;

  private final MeetingRecords meetings;
  private final PanelProperties properties;
  private final CaseService cases;
  private final RuntimeService runtime;
  private final Clock clock;

  public PanelMeetings(MeetingRecords meetings, PanelProperties properties, CaseService cases,
      @Lazy RuntimeService runtime, Clock clock) {
    this.meetings = meetings;
    this.properties = properties;
    this.cases = cases;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Keeps {@code prevent.panel.horizon} routine meetings of the lead's panel scheduled ahead; returns those added. */
  @Transactional
  public int keepScheduled(Actor actor, String lead) {
    int added = 0;
    while (meetings.routineAhead(lead, clock.instant()) < properties.horizon()) {
      scheduleNext(actor, lead);
      added++;
    }
    return added;
  }

  /** The case's panel's next meeting with room, scheduled by the cadence if none has room. */
  @Transactional
  public Meeting nextWithRoom(Actor actor, String caseAuthority) {
    String lead = properties.panelOf(caseAuthority);
    return meetings.nextWithRoom(lead, clock.instant()).orElseGet(() -> {
      Meeting added = scheduleNext(actor, lead);
      while (added.meetsAt().isBefore(clock.instant())) {
        added = scheduleNext(actor, lead);
      }
      return added;
    });
  }

  /** Lists the case at its panel's next meeting with room; returns the meeting. */
  @Transactional
  public Meeting listAtNextMeeting(Actor actor, String caseReference) {
    Meeting meeting = nextWithRoom(actor, CaseReference.authorityOf(caseReference));
    cases.listAtPanelMeeting(actor, caseReference, meeting.id(), ListingPurpose.DECIDE,
        new Purpose(Purpose.Code.PROCESS, "listed at panel meeting " + meeting.id()));
    return meeting;
  }

  /**
   * An extraordinary meeting of the case's panel on {@code day} for an urgent case, to decide it (the case
   * moves from the meeting it was listed at) or to review it urgently (a risk escalated during support), with
   * why it is urgent as a note on the case; its process starts at once and its agenda is due now. An
   * extraordinary meeting of the panel already called for that day and not yet opened is the one: the case is
   * listed at it (beyond the routine capacity: it is urgent), and no other is called. Concurrent calls for
   * one panel take turns on a database lock, so two escalations at once call one meeting. For a later stage's
   * escalation (issue 11); a coordinator uses Tasklist's start form.
   */
  @Transactional
  public Meeting callExtraordinary(Actor actor, String caseReference, LocalDate day, String why,
      ListingPurpose listing) {
    String lead = properties.panelOf(CaseReference.authorityOf(caseReference));
    meetings.takeTurnToCallExtraordinary(lead);
    Optional<Meeting> called = meetings.extraordinaryToMeet(lead, day.atStartOfDay(Panel.LONDON).toInstant(),
        day.plusDays(1).atStartOfDay(Panel.LONDON).toInstant());
    if (called.isPresent()) {
      listUrgently(actor, caseReference, called.get(), why, listing);
      return called.get();
    }
    Meeting meeting = record(actor, caseReference, lead, day, why, listing);
    // its process is the calling authority's (the urgent case's), as when its coordinator starts it in
    // Tasklist, not the lead's of a combined panel: its own coordinator prepares the agenda
    Map<String, Object> variables = new java.util.HashMap<>(variables(meeting));
    variables.put(AUTHORITY, CaseReference.authorityOf(caseReference));
    runtime.createMessageCorrelation(Panel.MEETING_SCHEDULED).processInstanceBusinessKey(meeting.reference())
        .setVariables(variables).correlateStartMessage();
    return meeting;
  }

  /** The record of an extraordinary meeting, and the case listed at it to be decided (the start form's listener). */
  @Transactional
  public Meeting recordExtraordinary(Actor actor, String caseReference, LocalDate day, String why) {
    return record(actor, caseReference, properties.panelOf(CaseReference.authorityOf(caseReference)), day, why,
        ListingPurpose.DECIDE);
  }

  /** The meeting of the lead's panel recorded, and the case listed at it. */
  private Meeting record(Actor actor, String caseReference, String lead, LocalDate day, String why,
      ListingPurpose listing) {
    Instant now = clock.instant();
    Instant meetsAt = day.atTime(properties.meetingTime()).atZone(Panel.LONDON).toInstant();
    if (meetsAt.isBefore(now)) {
      meetsAt = now;
    }
    Meeting meeting = meetings.insert(lead, properties.heardBy(lead), Meeting.Kind.EXTRAORDINARY, meetsAt, now,
        properties.capacityOf(lead), actor.userId());
    listUrgently(actor, caseReference, meeting, why, listing);
    return meeting;
  }

  /** The case listed at the extraordinary meeting, with why it is urgent as a note on the case. */
  private void listUrgently(Actor actor, String caseReference, Meeting meeting, String why, ListingPurpose listing) {
    Purpose purpose = new Purpose(Purpose.Code.PROCESS, "extraordinary panel meeting " + meeting.id());
    cases.addEntry(actor, caseReference, new NewEntry(EntryKind.NOTE, "Extraordinary panel meeting called for "
        + meeting.dateLabel(), why), purpose);
    cases.listAtPanelMeeting(actor, caseReference, meeting.id(), listing, purpose);
  }

  /** The variables the meeting's process starts with. */
  public static Map<String, Object> variables(Meeting meeting) {
    return Map.of(AUTHORITY, meeting.authorityCode(), Panel.MEETING_ID, meeting.id(),
        Panel.MEETING_DATE_LABEL, meeting.dateLabel(), Panel.AGENDA_DUE_AT, Date.from(meeting.agendaDueAt()),
        Panel.MEETS_AT, Date.from(meeting.meetsAt()));
  }

  private Meeting scheduleNext(Actor actor, String lead) {
    Instant meetsAt = meetings.lastRoutine(lead)
        .map(last -> ZonedDateTime.ofInstant(last, Panel.LONDON).plus(properties.cadenceOf(lead)))
        .orElseGet(() -> LocalDate.now(clock.withZone(Panel.LONDON)).plus(properties.cadenceOf(lead))
            .atTime(properties.meetingTime()).atZone(Panel.LONDON))
        .toInstant();
    Meeting meeting = meetings.insert(lead, properties.heardBy(lead), Meeting.Kind.ROUTINE, meetsAt,
        meetsAt.minus(properties.agendaNotice()), properties.capacityOf(lead), actor.userId());
    start(meeting);
    return meeting;
  }

  private void start(Meeting meeting) {
    runtime.createMessageCorrelation(Panel.MEETING_SCHEDULED).processInstanceBusinessKey(meeting.reference())
        .setVariables(variables(meeting)).correlateStartMessage();
  }
}
