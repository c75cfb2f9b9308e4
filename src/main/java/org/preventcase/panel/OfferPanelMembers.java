package org.preventcase.panel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * `${offerPanelMembers}`, a create listener of Task_PrepareAgenda: the panel's members of the
 * meeting's authorities as the agenda form's choices of whom to invite (valuesKey panelMemberOptions).
 */
@Component("offerPanelMembers")
public class OfferPanelMembers implements TaskListener {

  static final String OPTIONS = "panelMemberOptions";
  private final MeetingRecords meetings;

  public OfferPanelMembers(MeetingRecords meetings) {
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateTask task) {
    Meeting meeting = meetings.find(Panel.meetingId(task)).orElseThrow();
    task.setVariableLocal(OPTIONS, Options.json(PanelMembers.of(task.getProcessEngineServices().getIdentityService(),
        meeting.authorities()).values().stream().map(PanelMembers.Member::option).toList()));
  }
}
