package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * `${finaliseMinutes}`, the complete listener of Task_ConfirmMinutes: the chair confirms the minutes
 * (the meeting page with the decisions taken); from now the invited members no longer read the cases.
 */
@Component("finaliseMinutes")
public class FinaliseMinutes implements TaskListener {

  static final String CONFIRMED = "minutesFinal";
  private final MeetingRecords meetings;

  public FinaliseMinutes(MeetingRecords meetings) {
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(CONFIRMED))) {
      throw new IllegalArgumentException("Confirm that the minutes are final");
    }
    if (!meetings.advance(Panel.meetingId(task), Meeting.Status.OPEN, Meeting.Status.MINUTES_FINAL)) {
      throw new IllegalStateException("The meeting is not open");
    }
    task.getExecution().removeVariable(CONFIRMED);
  }
}
