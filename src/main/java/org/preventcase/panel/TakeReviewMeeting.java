package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * `${takeReviewMeeting}`, a create listener of the support stage's Task_ReviewAdoptedCase: the meeting
 * the review belongs to (PanelReviewDue's panelMeetingId) moves from the case's process onto the task,
 * so the reviews of two meetings never mix.
 */
@Component("takeReviewMeeting")
public class TakeReviewMeeting implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(Panel.MEETING_ID, Panel.meetingId(task));
    task.getExecution().getProcessInstance().removeVariableLocal(Panel.MEETING_ID);
  }
}
