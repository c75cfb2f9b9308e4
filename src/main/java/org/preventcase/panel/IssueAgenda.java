package org.preventcase.panel;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.notify.MessageFacts;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notification;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${issueAgenda}` (panel-meeting, Task_IssueAgenda): at a routine meeting, every adopted case of the
 * meeting's authorities that has not exited and whose support stage can take a review (not one waiting for
 * its re-assessment date) is listed for review (§2.11; an extraordinary meeting hears only the urgent cases
 * it was called for), the agenda is issued (from now until the minutes
 * are final the invited members may read the listed cases), and each invited member with an address is
 * sent the agenda notice through the outbox: the meeting's day, the case references and a link to the
 * meeting's page, no personal data.
 */
@Component("issueAgenda")
public class IssueAgenda implements JavaDelegate {

  private final MeetingRecords meetings;
  private final CaseService cases;
  private final Notifications notifications;
  private final Actors actors;

  public IssueAgenda(MeetingRecords meetings, CaseService cases, Notifications notifications, Actors actors) {
    this.meetings = meetings;
    this.cases = cases;
    this.notifications = notifications;
    this.actors = actors;
  }

  /** In support (not waiting for its re-assessment date, when the panel has nothing to review): its review can start. */
  static boolean awaitsReview(RuntimeService runtime, String reference, String authority) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(reference).tenantIdIn(authority)
        .messageEventSubscriptionName(Panel.REVIEW_DUE).count() > 0;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Panel.meetingId(execution);
    Meeting meeting = meetings.find(meetingId).orElseThrow();
    Actor actor = actors.acting(execution);
    Purpose purpose = new Purpose(Purpose.Code.PANEL_MEETING, Long.toString(meetingId));
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String authority : meeting.kind() == Meeting.Kind.ROUTINE ? meeting.authorities() : List.<String>of()) {
      // a combined panel hears its partners' cases: the engine lists each authority's for it
      Actor lister = actor.worksFor(authority) ? actor : Actor.system(authority);
      cases.casesForPanelReview(lister, List.of(authority), purpose).stream()
          .filter(reference -> awaitsReview(runtime, reference, authority))
          .forEach(reference -> cases.listAtPanelMeeting(lister, reference, meetingId, ListingPurpose.REVIEW, purpose));
    }
    if (!meetings.advance(meetingId, Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_ISSUED)) {
      throw new IllegalStateException("The meeting's agenda was already issued");
    }
    List<String> listed = meetings.listed(meetingId).stream().map(MeetingRecords.Listed::reference).toList();
    LocalDate day = meeting.meetsAt().atZone(Panel.LONDON).toLocalDate();
    var identity = execution.getProcessEngineServices().getIdentityService();
    for (MeetingRecords.Attendee attendee : meetings.attendees(meetingId)) {
      User user = identity.createUserQuery().userId(attendee.userId()).singleResult();
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        notifications.send(new Notification(meeting.authorityCode(), meeting.reference(), MessageType.PANEL_AGENDA,
            new Recipient.Address(user.getEmail()), MessageFacts.agenda(day, listed), "agenda-" + meetingId));
      }
    }
  }
}
