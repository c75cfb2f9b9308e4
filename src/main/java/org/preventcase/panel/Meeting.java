package org.preventcase.panel;

import java.time.Instant;
import java.util.List;

/**
 * One panel meeting (panel_meeting): its lead authority (the tenant of its process), every authority
 * whose cases it hears, when it meets and its agenda is due, how many cases it takes, and where it is.
 */
public record Meeting(long id, String authorityCode, List<String> authorities, Kind kind, Instant meetsAt,
    Instant agendaDueAt, int capacity, Status status) {

  public enum Kind { ROUTINE, EXTRAORDINARY }

  public enum Status { SCHEDULED, AGENDA_ISSUED, OPEN, MINUTES_FINAL }

  public Meeting {
    authorities = List.copyOf(authorities);
  }

  public String reference() {
    return Panel.meetingReference(id);
  }

  /** "15 December 2026". */
  public String dateLabel() {
    return Panel.DAY.format(meetsAt.atZone(Panel.LONDON));
  }
}
