package org.preventcase.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.authority.LocalAuthority;
import org.preventcase.authority.LocalAuthorityKind;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.database.LoggedStatements;
import org.preventcase.models.FixedAuthority;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * A Channel panel meeting (issue 10): scheduled, its agenda prepared and issued when due (the adopted
 * cases listed for review, the notice to each invited member through the outbox), held on its day
 * (attendance gives each case its quorum; every listed case is sent its message, correlated by
 * reference and the case's own tenant, also at a combined panel), and closed when the chair makes the
 * minutes final; and an extraordinary meeting called for an urgent case.
 */
@Deployment(resources = {"processes/panel/panel-meeting.bpmn", "processes/panel/panel-case.bpmn",
    "processes/panel/panel-recommendation.dmn", "processes/support/support.bpmn", "processes/support/consent-required.dmn",
    "forms/support-plan.form", "forms/consent.form", "forms/consent-consultation.form", "forms/consent-reassessment.form",
    "forms/intervention-contact.form", "forms/panel-agenda.form",
    "forms/panel-attendance.form", "forms/panel-minutes.form", "forms/panel-extraordinary-meeting.form",
    "forms/panel-assessment.form", "forms/panel-decision.form", "forms/panel-review.form", "forms/mappa-hand-off.form",
    "forms/new-information-deconfliction.form"})
class PanelMeetingProcessTest {

  static final String PETERBOROUGH = "E06000031";
  static final String LUTON = "E06000032";
  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  static final Instant MEETS = Instant.parse("2026-12-15T10:00:00Z");
  static final Instant AGENDA = Instant.parse("2026-12-08T10:00:00Z");
  static final Meeting COMBINED = new Meeting(41, PETERBOROUGH, List.of(PETERBOROUGH, LUTON), Meeting.Kind.ROUTINE,
      MEETS, AGENDA, 8, Meeting.Status.SCHEDULED);
  static final String DECIDED_HERE = "E06000031-2026-00042";
  static final String DECIDED_IN_LUTON = "E06000032-2026-00007";
  static final String ADOPTED = "E06000031-2026-00010";
  static final String AWAITING_REASSESSMENT = "E06000031-2026-00011";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).excludeProcessDefinitionKeys(Panel.CASE_PROCESS, "support").build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final PanelMeetings calendar = mock(PanelMeetings.class);
  final MeetingRecords meetings = mock(MeetingRecords.class);
  final Notifications notifications = mock(Notifications.class);
  final AuthorityDirectory directory = mock(AuthorityDirectory.class);

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    FixedAuthority.use(processEngine, PETERBOROUGH);
    when(actors.acting(any())).thenReturn(Actor.system(PETERBOROUGH));
    when(meetings.find(41)).thenReturn(Optional.of(COMBINED));
    when(meetings.advance(anyLong(), any(), any())).thenReturn(true);
    when(meetings.attendees(41)).thenReturn(List.of(new MeetingRecords.Attendee("synthetic-chair", "prevent-panel-chair",
        null), new MeetingRecords.Attendee("synthetic-teacher", "partner-education", null)));
    when(meetings.listed(41)).thenReturn(List.of(new MeetingRecords.Listed(DECIDED_HERE, PETERBOROUGH, "DECIDE"),
        new MeetingRecords.Listed(DECIDED_IN_LUTON, LUTON, "DECIDE"), new MeetingRecords.Listed(ADOPTED, PETERBOROUGH,
        "REVIEW")));
    when(cases.casesForPanelReview(any(), eq(List.of(PETERBOROUGH)), any()))
        .thenReturn(List.of(ADOPTED, AWAITING_REASSESSMENT));
    when(directory.find(PETERBOROUGH)).thenReturn(Optional.of(new LocalAuthority(PETERBOROUGH, "Peterborough",
        LocalAuthorityKind.UNITARY, null, "E23000023", "Cambridgeshire Constabulary")));
    when(directory.find(LUTON)).thenReturn(Optional.of(new LocalAuthority(LUTON, "Luton", LocalAuthorityKind.UNITARY,
        null, "E23000026", "Bedfordshire Police")));
    PanelMocks.register(cases, actors, calendar, meetings, notifications, directory);
    member("synthetic-chair", "Chair", "prevent-panel-chair", PETERBOROUGH, "chair@council.example.org");
    member("synthetic-teacher", "Teacher", "partner-education", LUTON, "teacher@school.example.org");
  }

  @AfterEach
  void reset() {
    IdentityService identity = processEngine.getIdentityService();
    identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
    identity.createGroupQuery().list().forEach(group -> identity.deleteGroup(group.getId()));
    identity.createTenantQuery().list().forEach(tenant -> identity.deleteTenant(tenant.getId()));
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  void member(String id, String lastName, String group, String authority, String email) {
    IdentityService identity = processEngine.getIdentityService();
    User user = identity.newUser(id);
    user.setFirstName("Synthetic");
    user.setLastName(lastName);
    user.setEmail(email);
    identity.saveUser(user);
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    if (identity.createTenantQuery().tenantId(authority).count() == 0) {
      identity.saveTenant(identity.newTenant(authority));
    }
    identity.createMembership(id, group);
    identity.createTenantUserMembership(authority, id);
  }

  ProcessInstance scheduled() {
    return processEngine.getRuntimeService().createMessageCorrelation(Panel.MEETING_SCHEDULED)
        .processInstanceBusinessKey(COMBINED.reference()).setVariables(PanelMeetings.variables(COMBINED))
        .correlateStartMessage();
  }

  Task task(ProcessInstance meeting) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(meeting.getId()).singleResult();
  }

  void complete(ProcessInstance meeting, String taskKey, Map<String, Object> submitted) {
    Task task = task(meeting);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    processEngine.getTaskService().complete(task.getId(), submitted);
  }

  void timerFires(ProcessInstance meeting, Instant due) {
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(meeting.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
    ClockUtil.setCurrentTime(timer.getDuedate());
    processEngine.getManagementService().executeJob(timer.getId());
  }

  void runJobs() {
    for (int round = 0; round < 5; round++) {
      processEngine.getManagementService().createJobQuery().executable().messages().list()
          .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    }
  }

  ProcessInstance agendaIssued() {
    ProcessInstance meeting = scheduled();
    timerFires(meeting, AGENDA);
    agendaPrepared(meeting);
    return meeting;
  }

  void agendaPrepared(ProcessInstance meeting) {
    complete(meeting, "Task_PrepareAgenda", withVariables("invitedMembers", List.of("synthetic-chair",
        "synthetic-teacher"), "vettingConfirmed", true));
  }

  @Test
  void aScheduledMeetingWaitsForItsAgendaThenTheCoordinatorInvitesTheVettedMembersOfEveryAuthority() {
    ProcessInstance meeting = scheduled();
    assertThat(meeting.getTenantId()).isEqualTo(PETERBOROUGH);
    assertThat(meeting.getBusinessKey()).isEqualTo("PM-41");
    BpmnAwareTests.assertThat(meeting).isWaitingAt("Event_AgendaDue");

    timerFires(meeting, AGENDA);
    Task prepare = task(meeting);
    BpmnAwareTests.assertThat(prepare).hasCandidateGroup("prevent-channel-coordinator");
    assertThat(prepare.getName()).isEqualTo("Prepare the agenda: 15 December 2026");
    assertThat(processEngine.getTaskService().getVariableLocal(prepare.getId(), OfferPanelMembers.OPTIONS).toString())
        .contains("{\"label\":\"Synthetic Chair (Channel panel chairs)\",\"value\":\"synthetic-chair\"}",
            "\"value\":\"synthetic-teacher\"");
    complete(meeting, "Task_PrepareAgenda", withVariables("invitedMembers", List.of("synthetic-chair",
        "synthetic-teacher"), "vettingConfirmed", true));

    verify(meetings).invite(41, "synthetic-chair", "prevent-panel-chair", "system:engine");
    verify(meetings).invite(41, "synthetic-teacher", "partner-education", "system:engine");
    BpmnAwareTests.assertThat(meeting).isWaitingAt("Event_MeetingDay");
  }

  @Test
  void issuingTheAgendaListsEveryAdoptedCaseInSupportForReviewAndSendsEachInvitedMemberTheNoticeThroughTheOutbox() {
    adoptedCaseWaiting();
    processEngine.getRuntimeService().createProcessInstanceByKey("support").businessKey(AWAITING_REASSESSMENT)
        .setVariables(withVariables("caseRef", AWAITING_REASSESSMENT, "taskPriority", 50))
        .startBeforeActivity("Task_SetReassessment").execute(true, true);
    agendaIssued();

    verify(cases).listAtPanelMeeting(any(), eq(ADOPTED), eq(41L), eq(ListingPurpose.REVIEW), any());
    verify(cases, never()).listAtPanelMeeting(any(), eq(AWAITING_REASSESSMENT), anyLong(), any(), any());
    verify(cases).casesForPanelReview(argThat(actor -> actor.worksFor(LUTON) && !actor.worksFor(PETERBOROUGH)),
        eq(List.of(LUTON)), any()); // a partner's adopted cases, listed by the engine for that authority
    verify(meetings).advance(41, Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_ISSUED);
    for (String address : List.of("chair@council.example.org", "teacher@school.example.org")) {
      verify(notifications).send(argThat(notice -> notice.type() == MessageType.PANEL_AGENDA
          && notice.recipient().equals(new Recipient.Address(address)) && notice.caseReference().equals("PM-41")
          && notice.facts().meetingDate().equals(LocalDate.of(2026, 12, 15))
          && notice.facts().caseReferences().equals(List.of(DECIDED_HERE, DECIDED_IN_LUTON, ADOPTED))));
    }
  }

  @Test
  void issuingTheAgendaAsksTheEngineWhichCasesAwaitReviewInTwoQueriesHoweverManyCasesThereAre() {
    List<String> adopted = List.of("E06000031-2026-00020", "E06000031-2026-00021", "E06000031-2026-00022");
    adopted.forEach(reference -> processEngine.getRuntimeService().createProcessInstanceByKey("support")
        .businessKey(reference).setVariables(withVariables("caseRef", reference, "taskPriority", 50))
        .startBeforeActivity("Task_PrepareSupportPlan").execute(true, true));
    when(cases.casesForPanelReview(any(), eq(List.of(PETERBOROUGH)), any())).thenReturn(adopted);
    ProcessInstance meeting = scheduled();
    timerFires(meeting, AGENDA);

    List<String> queries = LoggedStatements.during("org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity",
        event -> event.getFormattedMessage().contains("Preparing:"), () -> agendaPrepared(meeting)).stream()
        .map(event -> event.getLoggerName().substring(event.getLoggerName().lastIndexOf('.') + 1))
        .filter(statement -> statement.endsWith("ByQueryCriteria")).toList();

    adopted.forEach(reference -> verify(cases).listAtPanelMeeting(any(), eq(reference), eq(41L),
        eq(ListingPurpose.REVIEW), any()));
    assertThat(queries).containsExactly("selectExecutionsByQueryCriteria", "selectProcessInstanceByQueryCriteria");
  }

  @Test
  void onTheDayTheAttendanceGivesEachCaseItsQuorumAndEveryListedCaseIsToldTheMeetingIsOpen() {
    ProcessInstance here = panelCaseWaiting(DECIDED_HERE, PETERBOROUGH);
    ProcessInstance luton = panelCaseWaiting(DECIDED_IN_LUTON, LUTON);
    ProcessInstance adopted = adoptedCaseWaiting();
    ProcessInstance meeting = agendaIssued();
    timerFires(meeting, MEETS);
    Task attendance = task(meeting);
    assertThat(processEngine.getTaskService().getVariablesLocal(attendance.getId()).toString())
        .contains("Cambridgeshire Constabulary", "Bedfordshire Police", "Luton", "synthetic-teacher");
    complete(meeting, "Task_RecordAttendance", withVariables("attendedMembers", List.of("synthetic-chair",
        "synthetic-teacher"), "authoritiesRepresented", List.of(PETERBOROUGH, LUTON), "policeForcesRepresented",
        List.of("E23000023")));
    when(meetings.represented(41, "LOCAL_AUTHORITY")).thenReturn(List.of(PETERBOROUGH, LUTON));
    when(meetings.represented(41, "POLICE_FORCE")).thenReturn(List.of("E23000023"));
    runJobs();

    verify(meetings).recordAttendance(41, List.of("synthetic-chair", "synthetic-teacher"), List.of(PETERBOROUGH, LUTON),
        List.of("E23000023"));
    verify(meetings).advance(41, Meeting.Status.AGENDA_ISSUED, Meeting.Status.OPEN);
    BpmnAwareTests.assertThat(here).as("Cambridgeshire police attend").isWaitingAt("Task_AssessCase");
    BpmnAwareTests.assertThat(luton).as("no Bedfordshire police: inquorate for the Luton case")
        .hasPassed("Task_RecordInquorate").isWaitingAt("Event_MeetingOpened");
    BpmnAwareTests.assertThat(adopted).as("quorate for the adopted case: its review")
        .isWaitingAt("Task_PrepareSupportPlan", "Task_ReviewAdoptedCase");
    assertThat(luton.getTenantId()).isEqualTo(LUTON);
    BpmnAwareTests.assertThat(meeting).isWaitingAt("Task_ConfirmMinutes");
    BpmnAwareTests.assertThat(task(meeting)).hasCandidateGroup("prevent-panel-chair");
  }

  @Test
  void theChairMakesTheMinutesFinalAndTheMembersAccessEndsWithTheMeeting() {
    ProcessInstance meeting = agendaIssued();
    timerFires(meeting, MEETS);
    complete(meeting, "Task_RecordAttendance", Map.of());
    runJobs();
    complete(meeting, "Task_ConfirmMinutes", withVariables("minutesFinal", true));

    verify(meetings).advance(41, Meeting.Status.OPEN, Meeting.Status.MINUTES_FINAL);
    BpmnAwareTests.assertThat(meeting).hasPassed("EndEvent_MinutesFinal").isEnded();
  }

  @Test
  void aCoordinatorCallsAnExtraordinaryMeetingForAnUrgentCaseAndItsAgendaIsPreparedAtOnce() {
    Meeting urgent = new Meeting(44, PETERBOROUGH, List.of(PETERBOROUGH, LUTON), Meeting.Kind.EXTRAORDINARY,
        Instant.parse("2026-12-03T10:00:00Z"), NOW, 8, Meeting.Status.SCHEDULED);
    when(calendar.recordExtraordinary(any(), eq(DECIDED_HERE), eq(LocalDate.of(2026, 12, 3)), eq("Synthetic: threats made.")))
        .thenReturn(urgent);
    when(meetings.find(44)).thenReturn(Optional.of(urgent));

    ProcessInstance meeting = processEngine.getRuntimeService().startProcessInstanceByKey(Panel.MEETING_PROCESS,
        withVariables("urgentCaseRef", DECIDED_HERE, "meetingDateDay", 3, "meetingDateMonth", 12, "meetingDateYear", 2026,
            "urgencyReason", "Synthetic: threats made."));

    BpmnAwareTests.assertThat(meeting).isWaitingAt("Task_PrepareAgenda");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(meeting.getId())
        .singleResult().getBusinessKey()).isEqualTo("PM-44");
    assertThat(processEngine.getRuntimeService().getVariables(meeting.getId())).containsOnlyKeys(Panel.MEETING_ID,
        Panel.MEETING_DATE_LABEL, Panel.AGENDA_DUE_AT, Panel.MEETS_AT, "authorityCode")
        .containsEntry(Panel.MEETING_DATE_LABEL, "3 December 2026");
  }

  ProcessInstance panelCaseWaiting(String reference, String authority) {
    FixedAuthority.use(processEngine, authority);
    when(calendar.listAtNextMeeting(any(), eq(reference))).thenReturn(COMBINED);
    ProcessInstance waiting = processEngine.getRuntimeService().startProcessInstanceByKey(Panel.CASE_PROCESS, reference,
        withVariables("caseRef", reference, "taskPriority", 50));
    FixedAuthority.use(processEngine, PETERBOROUGH);
    return waiting;
  }

  ProcessInstance adoptedCaseWaiting() {
    return processEngine.getRuntimeService().createProcessInstanceByKey("support").businessKey(ADOPTED)
        .setVariables(withVariables("caseRef", ADOPTED, "taskPriority", 50))
        .startBeforeActivity("Task_PrepareSupportPlan").execute(true, true);
  }
}
