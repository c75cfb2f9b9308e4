package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${callExtraordinaryMeeting}`, the end listener of the meeting's start form (a Channel coordinator
 * calls an extraordinary meeting for an urgent case): the meeting's record, the case listed at it (moved
 * from its routine meeting) and why it is urgent as a note on the case; the form's fields leave the
 * engine, and the process takes the meeting's reference as its business key.
 */
@Component("callExtraordinaryMeeting")
public class CallExtraordinaryMeeting implements ExecutionListener {

  private final PanelMeetings meetings;
  private final Actors actors;

  public CallExtraordinaryMeeting(PanelMeetings meetings, Actors actors) {
    this.meetings = meetings;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = RecordPanelAssessment.required(Submitted.text(execution, ExtraordinaryMeetingForm.CASE_REF),
        ExtraordinaryMeetingForm.CASE_REF).strip();
    String why = RecordPanelAssessment.required(Submitted.text(execution, ExtraordinaryMeetingForm.WHY),
        ExtraordinaryMeetingForm.WHY);
    var day = ExtraordinaryMeetingForm.day(execution::getVariable)
        .orElseThrow(() -> new IllegalArgumentException("'" + ExtraordinaryMeetingForm.DAY + "' is not a date"));
    Meeting meeting = meetings.recordExtraordinary(actors.acting(execution), reference, day, why);
    Submitted.remove(execution, ExtraordinaryMeetingForm.CASE_REF, ExtraordinaryMeetingForm.WHY,
        ExtraordinaryMeetingForm.DAY, ExtraordinaryMeetingForm.MONTH, ExtraordinaryMeetingForm.YEAR);
    execution.setVariables(PanelMeetings.variables(meeting));
    execution.setProcessBusinessKey(meeting.reference());
  }
}
