package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.information.Submitted;
import org.springframework.stereotype.Component;

/**
 * `${recordAttendance}`, the complete listener of Task_RecordAttendance: who of the invited attended,
 * and which local authorities and police forces were represented (each case's quorum, s37(3)). The
 * form check ({@link AttendanceRules}) has refused what the meeting's record does not allow; this
 * listener only reads.
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
    meetings.recordAttendance(Panel.meetingId(task), Submitted.codes(task.getExecution(), ATTENDED),
        Submitted.codes(task.getExecution(), AUTHORITIES), Submitted.codes(task.getExecution(), FORCES));
    Submitted.remove(task.getExecution(), ATTENDED, AUTHORITIES, FORCES);
  }
}
