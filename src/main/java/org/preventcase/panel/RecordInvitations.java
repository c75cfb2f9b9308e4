package org.preventcase.panel;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${recordInvitations}`, the complete listener of Task_PrepareAgenda: the invited members, each with
 * the seat they sit in and who confirmed their vetting (the coordinator: only vetted members see
 * panel cases, process.md §5). The choices leave the engine. The form check has refused an
 * unconfirmed vetting ({@link InvitationRules}) and anyone the form does not offer (its schema, whose
 * options are the panel's members); this listener only reads.
 */
@Component("recordInvitations")
public class RecordInvitations implements TaskListener {

  static final String INVITED = "invitedMembers";
  static final String VETTED = "vettingConfirmed";
  private final MeetingRecords meetings;
  private final Actors actors;

  public RecordInvitations(MeetingRecords meetings, Actors actors) {
    this.meetings = meetings;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    long meetingId = Panel.meetingId(task);
    Meeting meeting = meetings.find(meetingId).orElseThrow();
    Map<String, PanelMembers.Member> members = PanelMembers.of(task.getProcessEngineServices().getIdentityService(),
        meeting.authorities());
    List<String> invited = Submitted.codes(task.getExecution(), INVITED);
    String coordinator = actors.acting(task.getExecution()).userId();
    invited.forEach(userId -> meetings.invite(meetingId, userId, members.get(userId).seat().groupId(), coordinator));
    Submitted.remove(task.getExecution(), INVITED, VETTED);
  }
}
