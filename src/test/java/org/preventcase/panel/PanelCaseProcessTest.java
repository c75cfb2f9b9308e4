package org.preventcase.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.casefile.NewEntry;
import org.preventcase.casefile.PanelAssessment;
import org.preventcase.casefile.PanelOutcome;
import org.preventcase.models.FixedAuthority;
import org.preventcase.notify.MessageType;
import org.preventcase.notify.Notifications;
import org.preventcase.notify.Recipient;
import org.preventcase.riskescalation.RiskEscalation;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.AssessmentFramework;
import org.preventcase.vocabulary.CtRiskOwner;
import org.preventcase.vocabulary.Susceptibility;

/**
 * One case before the Channel panel (issue 10): listed at the next meeting with room, it waits for the
 * meeting to open; an inquorate meeting or a deferral lists it again; a quorate one assesses it, the
 * recommendation table deployed with the process recommends from the case record, and the chair
 * decides, departing from the recommendation only with a reason. The steps are the real beans over a
 * mocked case record and calendar.
 */
@Deployment(resources = {"processes/panel/panel-case.bpmn", "processes/panel/panel-recommendation.dmn",
    "forms/panel-assessment.form", "forms/panel-decision.form"})
class PanelCaseProcessTest {

  static final String CASE = "E06000031-2026-00042";
  static final String AUTHORITY = "E06000031";
  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  static final Meeting DECEMBER = meeting(41, "2026-12-15T10:00:00Z");
  static final Meeting JANUARY = meeting(42, "2027-01-15T10:00:00Z");
  static final Meeting FEBRUARY = meeting(43, "2027-02-15T10:00:00Z");
  static final PanelAssessment SUSCEPTIBLE = new PanelAssessment(AssessmentFramework.VAF,
      Map.of("engagement", "HIGH", "intent", "LOW", "capability", "NONE"), Susceptibility.SUSCEPTIBLE,
      CtRiskOwner.PREVENT_POLICING, false, false, true);

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  ProcessEngine processEngine;
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final PanelMeetings calendar = mock(PanelMeetings.class);
  final Notifications notifications = mock(Notifications.class);

  static Meeting meeting(long id, String meetsAt) {
    Instant at = Instant.parse(meetsAt);
    return new Meeting(id, AUTHORITY, List.of(AUTHORITY), Meeting.Kind.ROUTINE, at, at.minusSeconds(7 * 86400), 8,
        Meeting.Status.SCHEDULED);
  }

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    FixedAuthority.use(processEngine, AUTHORITY);
    when(actors.acting(any())).thenReturn(Actor.system(AUTHORITY));
    when(calendar.listAtNextMeeting(any(), eq(CASE))).thenReturn(DECEMBER, JANUARY, FEBRUARY);
    when(cases.latestPanelAssessment(any(), eq(CASE), any())).thenReturn(Optional.of(SUSCEPTIBLE));
    PanelMocks.register(cases, actors, calendar, mock(MeetingRecords.class), notifications,
        mock(AuthorityDirectory.class));
  }

  @AfterEach
  void reset() {
    FixedAuthority.use(processEngine, null);
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance handedToPanel() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(Panel.CASE_PROCESS, CASE, withVariables(
        "caseRef", CASE, "taskPriority", 50, "caseOwnerGroup", "prevent-police-officer", "concernTypeLabel", "Islamist",
        "urgencyLabel", "Routine", "ageBandLabel", "Adult", "referrerSectorLabel", "Health"));
  }

  void meetingOpens(long meetingId, boolean quorate) {
    processEngine.getRuntimeService().createMessageCorrelation(Panel.MEETING_OPENED).processInstanceBusinessKey(CASE)
        .tenantId(AUTHORITY).setVariable(Panel.MEETING_ID, meetingId).setVariable(Panel.QUORATE, quorate).correlate();
    runJobs();
  }

  void runJobs() {
    processEngine.getManagementService().createJobQuery().executable().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
  }

  void complete(String taskKey, Map<String, Object> submitted) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(CASE)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    processEngine.getTaskService().complete(task.getId(), submitted);
    runJobs();
  }

  static Map<String, Object> assessment() {
    return new HashMap<>(Map.of("assessmentFramework", "VAF", "engagementRating", "HIGH", "intentRating", "LOW",
        "capabilityRating", "NONE", "engagementEvidence", "Synthetic: shares the group's material.",
        "susceptibility", "SUSCEPTIBLE", "ctRiskOwner", "PREVENT_POLICING", "contributionEducation",
        "Synthetic: attendance fell this term.", "contributionPolice", "Synthetic: no offending known.",
        "assessmentSummary", "Synthetic: susceptible, support is proportionate."));
  }

  static Map<String, Object> decision(String decision, String method, Object... more) {
    Map<String, Object> submitted = new HashMap<>(Map.of("panelDecision", decision, "decisionMethod", method,
        "decisionRationale", "Synthetic rationale of the panel."));
    for (int i = 0; i < more.length; i += 2) {
      submitted.put((String) more[i], more[i + 1]);
    }
    return submitted;
  }

  ProcessInstance assessedAtQuorateMeeting() {
    ProcessInstance panel = handedToPanel();
    meetingOpens(DECEMBER.id(), true);
    complete("Task_AssessCase", assessment());
    return panel;
  }

  @Test
  void aCaseHandedToThePanelIsListedAtTheNextMeetingWithRoomAndWaitsForItToOpen() {
    ProcessInstance panel = handedToPanel();

    BpmnAwareTests.assertThat(panel).isWaitingAt("Event_MeetingOpened");
    verify(calendar).listAtNextMeeting(any(), eq(CASE));
    assertThat(processEngine.getRuntimeService().getVariables(panel.getId())).containsOnlyKeys("caseRef",
        "taskPriority", "caseOwnerGroup", "concernTypeLabel", "urgencyLabel", "ageBandLabel", "referrerSectorLabel",
        Panel.MEETING_ID, Panel.MEETING_DATE_LABEL).containsEntry(Panel.MEETING_ID, 41L)
        .containsEntry(Panel.MEETING_DATE_LABEL, "15 December 2026");
  }

  @Test
  void aQuorateMeetingHasTheCoordinatorRecordTheAssessmentWithEachAgencysContributionAsItsOwnEntry() {
    ProcessInstance panel = handedToPanel();
    meetingOpens(DECEMBER.id(), true);

    Task assess = BpmnAwareTests.task(panel);
    assertThat(assess.getTaskDefinitionKey()).isEqualTo("Task_AssessCase");
    BpmnAwareTests.assertThat(assess).hasCandidateGroup("prevent-channel-coordinator");
    assertThat(processEngine.getTaskService().getVariableLocal(assess.getId(), Panel.RATING_SCALE).toString())
        .contains("\"value\":\"NONE\"", "\"label\":\"High\"");
    complete("Task_AssessCase", assessment());

    ArgumentCaptor<PanelAssessment> recorded = ArgumentCaptor.forClass(PanelAssessment.class);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<NewEntry>> contributions = ArgumentCaptor.forClass(List.class);
    verify(cases).recordPanelAssessment(any(), eq(CASE), eq(41L), recorded.capture(),
        argThat(entry -> entry.kind() == EntryKind.ASSESSMENT && entry.body().contains("Engagement with a group")),
        contributions.capture(), any());
    assertThat(recorded.getValue()).isEqualTo(SUSCEPTIBLE);
    assertThat(contributions.getValue()).extracting(NewEntry::summary).containsExactly(
        "Education: contribution to the multi-agency assessment", "Police: contribution to the multi-agency assessment");
    assertThat(processEngine.getRuntimeService().getVariables(panel.getId())).as("nothing of it stays in the engine")
        .doesNotContainKeys("assessmentSummary", "contributionEducation", "engagementEvidence", "susceptibility")
        .containsEntry(Panel.RECOMMENDATION, "ADOPT").containsEntry(Panel.RECOMMENDATION_LABEL, "Adopt as a Channel case");
    BpmnAwareTests.assertThat(panel).isWaitingAt("Task_DecideCase");
    BpmnAwareTests.assertThat(BpmnAwareTests.task(panel)).hasCandidateGroup("prevent-panel-chair");
  }

  @ParameterizedTest
  @CsvSource({"ADOPT", "NOT_ADOPT_NFA", "RETURN_TO_POLICE", "REFER_TO_MAPPA"})
  void theChairsDecisionEndsThePanelStageWithItForTheCaseProcess(String chosen) {
    ProcessInstance panel = assessedAtQuorateMeeting();
    Object[] reason = chosen.equals("ADOPT") ? new Object[0] : new Object[] {"departureReason", "Synthetic reason."};
    complete("Task_DecideCase", decision(chosen, "UNANIMOUS", reason));

    BpmnAwareTests.assertThat(panel).hasPassed("EndEvent_PanelDecided").isEnded();
    verify(cases).addEntry(any(), eq(CASE), argThat(entry -> entry.kind() == EntryKind.DECISION
        && entry.summary().startsWith("Channel panel decision: ")), any());
    verify(cases).recordPanelOutcome(any(), eq(CASE), eq(41L), eq(new PanelOutcome(chosen, "ADOPT", "UNANIMOUS", true)),
        any());
  }

  @Test
  void notAdoptingTheCaseRecordsTheReferralToHealthOrSocialCare() {
    ProcessInstance panel = assessedAtQuorateMeeting();
    complete("Task_DecideCase", decision("NOT_ADOPT_REFER_ALTERNATIVE", "MAJORITY", "alternativeSupport",
        "MENTAL_HEALTH", "departureReason", "Synthetic: needs are health needs.", "dissent", "Synthetic: one member."));

    BpmnAwareTests.assertThat(panel).isEnded();
    verify(cases).addEntry(any(), eq(CASE), argThat(entry -> entry.body().contains(
        "Referral made (s36(6)): Mental health services") && entry.body().contains("Dissent: Synthetic: one member.")),
        any());
  }

  @Test
  void theChairsCastingVoteIsRecordedAsTheDecisionsMethod() {
    assessedAtQuorateMeeting();
    complete("Task_DecideCase", decision("ADOPT", "CHAIR_CASTING", "dissent", "Synthetic: the panel was split."));

    verify(cases).addEntry(any(), eq(CASE), argThat(entry -> entry.summary().equals(
        "Channel panel decision: Adopt as a Channel case (The chair decided (no majority))")), any());
    verify(cases).recordPanelOutcome(any(), eq(CASE), eq(41L), eq(new PanelOutcome("ADOPT", "ADOPT", "CHAIR_CASTING",
        true)), any());
  }

  @Test
  void overridingTheRecommendationRecordsWhyAndIsRefusedWithoutAReason() {
    ProcessInstance panel = assessedAtQuorateMeeting();

    assertThatThrownBy(() -> complete("Task_DecideCase", decision("NOT_ADOPT_NFA", "UNANIMOUS")))
        .hasMessageContaining("departureReason");
    complete("Task_DecideCase", decision("NOT_ADOPT_NFA", "UNANIMOUS", "departureReason",
        "Synthetic: new school placement removes the concern."));

    BpmnAwareTests.assertThat(panel).isEnded();
    verify(cases).addEntry(any(), eq(CASE), argThat(entry -> entry.body().contains(
        "Departs from the recommendation (Adopt as a Channel case): Synthetic: new school placement")), any());
  }

  @Test
  void aDeferredCaseIsListedAtTheNextMeetingWithWhatIsAwaited() {
    ProcessInstance panel = assessedAtQuorateMeeting();
    complete("Task_DecideCase", decision("DEFER", "UNANIMOUS", "awaited", "Synthetic: the health assessment.",
        "departureReason", "Synthetic: the health assessment is due next week."));

    BpmnAwareTests.assertThat(panel).isWaitingAt("Event_MeetingOpened");
    assertThat(processEngine.getRuntimeService().getVariable(panel.getId(), Panel.MEETING_ID)).isEqualTo(42L);
    verify(cases).addEntry(any(), eq(CASE), argThat(entry -> entry.body().contains(
        "Awaited: Synthetic: the health assessment.")), any());
    verify(calendar, times(2)).listAtNextMeeting(any(), eq(CASE));

    meetingOpens(JANUARY.id(), true);
    complete("Task_AssessCase", assessment());
    complete("Task_DecideCase", decision("ADOPT", "UNANIMOUS"));
    BpmnAwareTests.assertThat(panel).isEnded();
    verify(cases).recordPanelOutcome(any(), eq(CASE), eq(42L), eq(new PanelOutcome("ADOPT", "ADOPT", "UNANIMOUS", true)),
        any());
  }

  @Test
  void anInquorateMeetingDefersTheCaseToTheNextMeetingAndRecordsItAsInquorate() {
    ProcessInstance panel = handedToPanel();
    meetingOpens(DECEMBER.id(), false);

    BpmnAwareTests.assertThat(panel).hasPassed("Task_RecordInquorate").isWaitingAt("Event_MeetingOpened");
    verify(cases).recordPanelOutcome(any(), eq(CASE), eq(41L), eq(PanelOutcome.inquorate()), any());
    verify(cases).addEntry(any(), eq(CASE), argThat(entry -> entry.summary().contains(
        "15 December 2026 was inquorate for the case (s37(3))")), any());
    verify(cases, never()).recordPanelAssessment(any(), any(), any(Long.class), any(), any(), any(), any());
    assertThat(processEngine.getRuntimeService().getVariable(panel.getId(), Panel.MEETING_ID)).isEqualTo(42L);
    assertThat(processEngine.getRuntimeService().getVariables(panel.getId())).doesNotContainKey(Panel.QUORATE);
  }

  @Test
  void theRecommendationComesFromTheTableDeployedWithTheProcessNotALaterOne() {
    String later = processEngine.getRepositoryService().createDeployment().name("a later table")
        .addString("panel-recommendation.dmn", new String(readDmn()).replace("<text>\"ADOPT\"</text>",
            "<text>\"DEFER\"</text>")).deploy().getId();
    try {
      ProcessInstance panel = assessedAtQuorateMeeting();
      assertThat(processEngine.getRuntimeService().getVariable(panel.getId(), Panel.RECOMMENDATION)).isEqualTo("ADOPT");
      assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey(Panel.RECOMMENDATION_DECISION).latestVersion().singleResult().getDeploymentId())
          .isEqualTo(later);
    } finally {
      processEngine.getRepositoryService().deleteDeployment(later, true);
    }
  }

  static byte[] readDmn() {
    try (var in = PanelCaseProcessTest.class.getClassLoader().getResourceAsStream(
        "processes/panel/panel-recommendation.dmn")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void riskEscalated(boolean panelHearingNow) {
    assertThat(processEngine.getRuntimeService().createMessageCorrelation(RiskEscalation.MESSAGE)
        .processInstanceBusinessKey(CASE).tenantId(AUTHORITY)
        .setVariableLocal(RiskEscalation.PANEL_HEARING_NOW, panelHearingNow).correlateAllWithResult()).hasSize(1);
    verify(notifications).send(argThat(sent -> sent.type() == MessageType.RISK_ESCALATED
        && sent.caseReference().equals(CASE) && sent.recipient().equals(new Recipient.GroupMembers("prevent-police-officer"))));
  }

  @Test
  void aRiskEscalatedWhileTheCaseWaitsForItsMeetingTellsThePoliceAndBringsItToAnExtraordinaryMeetingToday() {
    ProcessInstance panel = handedToPanel();

    riskEscalated(false);
    BpmnAwareTests.assertThat(panel).as("still listed, until the meeting is called").isWaitingAt("Event_MeetingOpened");
    runJobs();
    verify(calendar).callExtraordinary(any(), eq(CASE), eq(LocalDate.of(2026, 12, 1)),
        eq("A risk was escalated on the case: the panel hears it urgently."), eq(ListingPurpose.DECIDE));
    meetingOpens(44, true);

    BpmnAwareTests.assertThat(panel).hasPassed("EndEvent_BroughtForward").isWaitingAt("Task_AssessCase");
    assertThat(processEngine.getRuntimeService().getVariables(panel.getId())).containsEntry(Panel.MEETING_ID, 44L);
  }

  @Test
  void aRiskEscalatedWhileThePanelHearsTheCaseIsHeardAtThatMeeting() {
    ProcessInstance panel = handedToPanel();
    meetingOpens(DECEMBER.id(), true);

    riskEscalated(true);
    complete("Task_AssessCase", assessment());

    BpmnAwareTests.assertThat(panel).hasPassed("EndEvent_HeardNow").isWaitingAt("Task_DecideCase");
    verify(calendar, never()).callExtraordinary(any(), any(), any(), any(), any());
  }
}
