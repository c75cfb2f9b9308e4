package org.preventcase.panel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.authority.LocalAuthority;
import org.springframework.stereotype.Component;

/**
 * `${offerAttendanceChoices}`, a create listener of Task_RecordAttendance: the attendance form's
 * choices (valuesKey): the invited members, the meeting's local authorities, and the police forces
 * where their people live (each authority's force area).
 */
@Component("offerAttendanceChoices")
public class OfferAttendanceChoices implements TaskListener {

  static final String MEMBERS = "invitedMemberOptions";
  static final String AUTHORITIES = "meetingAuthorityOptions";
  static final String FORCES = "policeForceOptions";
  private final MeetingRecords meetings;
  private final AuthorityDirectory directory;

  public OfferAttendanceChoices(MeetingRecords meetings, AuthorityDirectory directory) {
    this.meetings = meetings;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    long meetingId = Panel.meetingId(task);
    Meeting meeting = meetings.find(meetingId).orElseThrow();
    Map<String, PanelMembers.Member> members = PanelMembers.of(task.getProcessEngineServices().getIdentityService(),
        meeting.authorities());
    task.setVariableLocal(MEMBERS, Options.json(meetings.attendees(meetingId).stream()
        .map(attendee -> members.containsKey(attendee.userId()) ? members.get(attendee.userId()).option()
            : Options.option(attendee.userId(), attendee.userId())).toList()));
    List<LocalAuthority> authorities = meeting.authorities().stream().map(code -> directory.find(code).orElseThrow())
        .toList();
    task.setVariableLocal(AUTHORITIES, Options.json(authorities.stream()
        .map(authority -> Options.option(authority.name(), authority.code())).toList()));
    Map<String, String> forces = new LinkedHashMap<>();
    authorities.forEach(authority -> forces.putIfAbsent(authority.policeForceCode(), authority.policeForceName()));
    task.setVariableLocal(FORCES, Options.json(forces.entrySet().stream()
        .map(force -> Options.option(force.getValue(), force.getKey())).toList()));
  }
}
