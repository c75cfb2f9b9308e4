package org.preventcase.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  /**
   * The cases of these authorities in support (not waiting for the re-assessment date, when the panel has nothing
   * to review) whose review can start: their references, from two engine queries however many cases there are.
   */
  static Set<String> awaitingReview(RuntimeService runtime, List<String> authorities) {
    if (authorities.isEmpty()) {
      return Set.of();
    }
    Set<String> instances = runtime.createExecutionQuery().tenantIdIn(authorities.toArray(String[]::new))
        .messageEventSubscriptionName(Panel.REVIEW_DUE).list().stream().map(Execution::getProcessInstanceId)
        .collect(Collectors.toSet());
    return instances.isEmpty() ? Set.of() : runtime.createProcessInstanceQuery().processInstanceIds(instances).list()
        .stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Panel.meetingId(execution);
    Meeting meeting = meetings.find(meetingId).orElseThrow();
    Actor actor = actors.acting(execution);
    Purpose purpose = new Purpose(Purpose.Code.PANEL_MEETING, Long.toString(meetingId));
    List<String> reviewing = meeting.kind() == Meeting.Kind.ROUTINE ? meeting.authorities() : List.of();
    Set<String> awaiting = awaitingReview(execution.getProcessEngineServices().getRuntimeService(), reviewing);
    for (String authority : reviewing) {
      // a combined panel hears its partners' cases: the engine lists each authority's for it
      Actor lister = actor.worksFor(authority) ? actor : Actor.system(authority);
      cases.casesForPanelReview(lister, List.of(authority), purpose).stream().filter(awaiting::contains)
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
