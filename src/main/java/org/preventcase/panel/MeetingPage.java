package org.preventcase.panel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.preventcase.audit.AuditAction;
import org.preventcase.audit.AuditOutcome;
import org.preventcase.audit.AuditRecord;
import org.preventcase.audit.AuditTrail;
import org.preventcase.audit.Purpose;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.authority.LocalAuthority;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.MeetingCase;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * /meetings/{id} (templates/meeting.html): a panel meeting's page, same sign-in as Tasklist. The
 * agenda (each case's non-identifying summary, its assessment so far, a link to its case page for the
 * meeting), who is invited and attends, and the decisions taken: printed, the meeting's minutes. Open to
 * the case roles of the meeting's authorities and to the members invited, from the agenda's issue
 * until the minutes are final; each case is shown only to whoever may read it, and every look is
 * audited (the page, and each case, VIEW with purpose PANEL_MEETING:&lt;id&gt;). A refusal reads "Not found".
 */
@Controller
class MeetingPage {

  static final List<Role> CASE_ROLES = List.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER,
      Role.PANEL_CHAIR, Role.PREVENT_MANAGER);
  private final MeetingRecords meetings;
  private final CaseService cases;
  private final Actors actors;
  private final AuditTrail audit;
  private final AuthorityDirectory directory;
  private final IdentityService identity;
  private final PanelProperties properties;

  MeetingPage(MeetingRecords meetings, CaseService cases, Actors actors, AuditTrail audit, AuthorityDirectory directory,
      IdentityService identity, PanelProperties properties) {
    this.meetings = meetings;
    this.cases = cases;
    this.actors = actors;
    this.audit = audit;
    this.directory = directory;
    this.identity = identity;
    this.properties = properties;
  }

  /** One invited member as the page lists them. */
  record Member(String name, String seat, Boolean attended) {}

  @GetMapping(value = "/meetings/{id}", produces = MediaType.TEXT_HTML_VALUE)
  @Transactional
  ModelAndView show(@PathVariable long id) {
    Actor actor = actors.current();
    Optional<Meeting> found = meetings.find(id);
    List<MeetingRecords.Attendee> attendees = found.map(meeting -> meetings.attendees(id)).orElse(List.of());
    AuditOutcome outcome = found.map(meeting -> decide(actor, meeting, attendees)).orElse(AuditOutcome.NOT_FOUND);
    String authority = found.map(Meeting::authorityCode)
        .orElseGet(() -> actor.authorities().stream().sorted().findFirst().orElse("NONE"));
    audit.record(AuditRecord.ofCase(actor.userId(), authority, null, null, AuditAction.VIEW, outcome,
        new Purpose(Purpose.Code.PANEL_MEETING, Long.toString(id))));
    if (outcome != AuditOutcome.GRANTED) {
      return new ModelAndView("not-found", HttpStatus.NOT_FOUND);
    }
    Meeting meeting = found.orElseThrow();
    List<MeetingCase> agenda = cases.meetingCases(actor, id);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("meeting", meeting);
    model.put("authorities", meeting.authorities().stream().map(directory::find).flatMap(Optional::stream)
        .map(LocalAuthority::name).toList());
    model.put("members", attendees.stream().map(this::member).toList());
    model.put("represented", meetings.represented(id, "LOCAL_AUTHORITY").stream().map(directory::find)
        .flatMap(Optional::stream).map(LocalAuthority::name).toList());
    model.put("forces", meetings.represented(id, "POLICE_FORCE"));
    model.put("decisions", agenda.stream().filter(listed -> listed.purpose() == org.preventcase.casefile.ListingPurpose.DECIDE).toList());
    model.put("reviews", agenda.stream().filter(listed -> listed.purpose() == org.preventcase.casefile.ListingPurpose.REVIEW).toList());
    model.put("dimensions", properties.assessment().dimensions());
    model.put("scale", properties.assessment().scale().stream().collect(java.util.stream.Collectors.toMap(
        PanelProperties.Choice::key, PanelProperties.Choice::label)));
    return new ModelAndView("meeting", model);
  }

  /**
   * The case roles of an authority the meeting hears, or an invited member while the agenda is open;
   * anyone else is refused.
   */
  private static AuditOutcome decide(Actor actor, Meeting meeting, List<MeetingRecords.Attendee> attendees) {
    if (meeting.authorities().stream().noneMatch(actor::worksFor)) {
      return AuditOutcome.REFUSED_AUTHORITY;
    }
    if (CASE_ROLES.stream().anyMatch(actor::hasRole)) {
      return AuditOutcome.GRANTED;
    }
    boolean invited = attendees.stream().anyMatch(attendee -> attendee.userId().equals(actor.userId()));
    boolean open = meeting.status() == Meeting.Status.AGENDA_ISSUED || meeting.status() == Meeting.Status.OPEN;
    return !invited ? AuditOutcome.REFUSED_ROLE : open ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_NOT_OPEN;
  }

  private Member member(MeetingRecords.Attendee attendee) {
    User user = identity.createUserQuery().userId(attendee.userId()).singleResult();
    String name = user == null ? attendee.userId() : (user.getFirstName() + " " + user.getLastName()).strip();
    String seat = java.util.Arrays.stream(Role.values()).filter(role -> role.groupId().equals(attendee.agencyGroup()))
        .map(Role::displayName).findFirst().orElse(attendee.agencyGroup());
    return new Member(name, seat, attendee.attended());
  }
}
