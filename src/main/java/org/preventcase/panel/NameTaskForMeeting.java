package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * `${nameTaskForMeeting}`, a create listener of the meeting's tasks: the name in Tasklist carries the
 * meeting's day ("Prepare the agenda: 15 December 2026"), and the card shows it.
 */
@Component("nameTaskForMeeting")
public class NameTaskForMeeting implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object day = task.getVariable(Panel.MEETING_DATE_LABEL);
    if (day != null) {
      task.setName(task.getName() + ": " + day);
      task.setVariableLocal(Panel.MEETING_DATE_LABEL, day);
    }
  }
}
