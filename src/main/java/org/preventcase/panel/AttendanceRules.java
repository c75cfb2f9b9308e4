package org.preventcase.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.springframework.stereotype.Component;

/**
 * What the form panel-attendance's schema cannot say, checked against the meeting's record before the
 * engine's command (400 naming the field, nothing recorded): those attending are members the agenda
 * invited, and the local authorities represented are the meeting's own (each case's quorum, s37(3)).
 */
@Component
class AttendanceRules implements FormRules {

  static final String FORM_ID = "panel-attendance";
  static final String ATTENDED_LABEL = "Members attending";
  static final String AUTHORITIES_LABEL = "Local authorities represented";
  private final MeetingRecords meetings;

  AttendanceRules(MeetingRecords meetings) {
    this.meetings = meetings;
  }

  @Override
  public String formId() {
    return FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    return check(submitted, refused, Map.of());
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused, Map<String, ?> known) {
    Optional<Meeting> meeting = known.get(Panel.MEETING_ID) instanceof Number id ? meetings.find(id.longValue())
        : Optional.empty();
    if (meeting.isEmpty()) {
      return List.of();
    }
    List<FieldError> errors = new ArrayList<>();
    List<String> invited = meetings.attendees(meeting.get().id()).stream().map(MeetingRecords.Attendee::userId).toList();
    if (!refused.contains(RecordAttendance.ATTENDED)
        && !invited.containsAll(chosen(submitted.get(RecordAttendance.ATTENDED)))) {
      errors.add(new FieldError(RecordAttendance.ATTENDED, ATTENDED_LABEL,
          "Choose only members the agenda invited to this meeting"));
    }
    if (!refused.contains(RecordAttendance.AUTHORITIES)
        && !meeting.get().authorities().containsAll(chosen(submitted.get(RecordAttendance.AUTHORITIES)))) {
      errors.add(new FieldError(RecordAttendance.AUTHORITIES, AUTHORITIES_LABEL,
          "Choose only the local authorities whose cases this meeting hears"));
    }
    return errors;
  }

  /** A checklist's chosen codes (the schema check has refused anything but a list). */
  private static List<?> chosen(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
