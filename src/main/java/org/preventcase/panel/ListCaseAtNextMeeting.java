package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${listCaseAtNextMeeting}` (panel-case, Task_ListAtNextMeeting): the case is listed at its panel's
 * next meeting with room (one is scheduled if none has), which the case then waits for.
 */
@Component("listCaseAtNextMeeting")
public class ListCaseAtNextMeeting implements JavaDelegate {

  private final PanelMeetings meetings;
  private final Actors actors;

  public ListCaseAtNextMeeting(PanelMeetings meetings, Actors actors) {
    this.meetings = meetings;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Meeting meeting = meetings.listAtNextMeeting(actors.acting(execution), Panel.caseReference(execution));
    execution.setVariable(Panel.MEETING_ID, meeting.id());
    execution.setVariable(Panel.MEETING_DATE_LABEL, meeting.dateLabel());
    execution.removeVariable(Panel.QUORATE);
  }
}
