package org.preventcase.panel;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.information.Submitted;
import org.springframework.stereotype.Component;

/**
 * `${recordAttendance}`, the complete listener of Task_RecordAttendance: who of the invited attended,
 * and which local authorities and police forces were represented (each case's quorum, s37(3)).
 */
@Component("recordAttendance")
public class RecordAttendance implements TaskListener {

  static final String ATTENDED = "attendedMembers";
  static final String AUTHORITIES = "authoritiesRepresented";
  static final String FORCES = "policeForcesRepresented";
  private final MeetingRecords meetings;

  public RecordAttendance(MeetingRecords meetings) {
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateTask task) {
    long meetingId = Panel.meetingId(task);
    Meeting meeting = meetings.find(meetingId).orElseThrow();
    List<String> attended = Submitted.codes(task.getExecution(), ATTENDED);
    List<String> invited = meetings.attendees(meetingId).stream().map(MeetingRecords.Attendee::userId).toList();
    List<String> authorities = Submitted.codes(task.getExecution(), AUTHORITIES);
    if (!invited.containsAll(attended)) {
      throw new IllegalArgumentException("'" + ATTENDED + "' must be invited members");
    }
    if (!meeting.authorities().containsAll(authorities)) {
      throw new IllegalArgumentException("'" + AUTHORITIES + "' must be the meeting's authorities");
    }
    meetings.recordAttendance(meetingId, attended, authorities, Submitted.codes(task.getExecution(), FORCES));
    Submitted.remove(task.getExecution(), ATTENDED, AUTHORITIES, FORCES);
  }
}
