package org.preventcase.panel;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.casefile.ListingPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * `${openMeeting}` (panel-meeting, Task_OpenMeeting, after an asynchronous boundary: the system actor):
 * the meeting opens, and each listed case is told, correlated by its reference and its own tenant: a
 * case to decide gets PanelMeetingOpened with the meeting's id and whether the meeting is quorate for
 * it (s37(3): its local authority represented, and the police force where the person lives, the force
 * area of the case's authority); an adopted case under review gets PanelReviewDue with the same two,
 * local to its review (an inquorate meeting defers the review as it defers a decision).
 */
@Component("openMeeting")
public class OpenMeeting implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(OpenMeeting.class);
  private final MeetingRecords meetings;
  private final AuthorityDirectory directory;

  public OpenMeeting(MeetingRecords meetings, AuthorityDirectory directory) {
    this.meetings = meetings;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Panel.meetingId(execution);
    if (!meetings.advance(meetingId, Meeting.Status.AGENDA_ISSUED, Meeting.Status.OPEN)) {
      throw new IllegalStateException("The meeting's agenda is not issued, or it is already open");
    }
    List<String> authorities = meetings.represented(meetingId, "LOCAL_AUTHORITY");
    List<String> forces = meetings.represented(meetingId, "POLICE_FORCE");
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (MeetingRecords.Listed listed : meetings.listed(meetingId)) {
      boolean review = ListingPurpose.REVIEW.name().equals(listed.purpose());
      var message = runtime.createMessageCorrelation(review ? Panel.REVIEW_DUE : Panel.MEETING_OPENED)
          .processInstanceBusinessKey(listed.reference()).tenantId(listed.authorityCode());
      boolean quorate = quorate(listed.authorityCode(), authorities, forces);
      if (review) {
        message.setVariableLocal(Panel.MEETING_ID, meetingId).setVariableLocal(Panel.QUORATE, quorate);
      } else {
        message.setVariable(Panel.MEETING_ID, meetingId).setVariable(Panel.QUORATE, quorate);
      }
      if (message.correlateAllWithResult().isEmpty()) {
        LOG.warn("Panel meeting {}: case {} was not waiting for it", meetingId, listed.reference());
      }
    }
  }

  boolean quorate(String caseAuthority, List<String> authorities, List<String> forces) {
    String force = directory.find(caseAuthority).orElseThrow().policeForceCode();
    return authorities.contains(caseAuthority) && forces.contains(force);
  }
}
