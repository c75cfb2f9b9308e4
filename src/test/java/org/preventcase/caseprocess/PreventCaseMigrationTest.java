package org.preventcase.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.audit.AuditTrail;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EarlierReferrals;
import org.preventcase.casefile.Stage;
import org.preventcase.deployment.ModelMigration;
import org.preventcase.gateway.GatewayMocks;
import org.preventcase.models.FixedAuthority;
import org.preventcase.models.ModelVersions;
import org.preventcase.notify.Notifications;
import org.preventcase.panel.Meeting;
import org.preventcase.panel.MeetingRecords;
import org.preventcase.panel.PanelMeetings;
import org.preventcase.panel.PanelMocks;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * The case process changes under running cases. Issue 11: the wait for consent and support
 * (Task_AwaitConsentAndSupport, with the panel's review on it) and the wait for Channel support alongside
 * MAPPA (Task_AwaitSupportAlongsideMappa) became calls of the support stage (CallActivity_Support,
 * CallActivity_SupportAlongsideMappa), and the after-care follows an exit. The previous version is the
 * one of custody (issue 12 item 4). Cases waiting at every one of its wait states move to the new
 * version: those at the two replaced waits restart at the matching call (ModelMigration.restartAt; a
 * review in progress is asked again of the restarted support stage by its meeting's PanelReviewDue),
 * the others by a migration plan, keeping business key, tenant and variables; every move is audited.
 */
class PreventCaseMigrationTest {

  static final String MODEL = "processes/case/prevent-case.bpmn";
  static final String[] PREVIOUS = {"processes/gateway/gateway.bpmn", "processes/gateway/information-gathering.bpmn",
      "processes/gateway/assurance-review.dmn", "processes/panel/panel-case.bpmn", "processes/panel/panel-recommendation.dmn",
      "forms/referral-deconfliction.form", "forms/referral-screening.form", "forms/preliminary-assessment.form",
      "forms/below-threshold-review.form", "forms/assurance-review.form", "forms/mappa-hand-off.form",
      "forms/new-information-deconfliction.form", "forms/information-agencies.form", "forms/information-request.form",
      "forms/information-overdue.form", "forms/panel-assessment.form", "forms/panel-decision.form",
      "forms/panel-review.form", "forms/mappa-liaison.form", "forms/transfer-pack.form"};
  static final String[] CURRENT = java.util.stream.Stream.concat(java.util.Arrays.stream(PREVIOUS),
      java.util.stream.Stream.of("forms/custody-hand-off.form", "forms/custody-release.form")).toArray(String[]::new);
  static final String[] CURRENT_WITH_SUPPORT = java.util.stream.Stream.concat(java.util.Arrays.stream(CURRENT),
      java.util.stream.Stream.of("processes/support/support.bpmn", "processes/support/consent-required.dmn",
          "processes/aftercare/aftercare.bpmn", "forms/support-plan.form", "forms/consent.form",
          "forms/consent-consultation.form", "forms/consent-reassessment.form", "forms/intervention-contact.form",
          "forms/post-exit-review.form")).toArray(String[]::new);
  static final Date DUE = Date.from(Instant.parse("2026-11-30T17:00:00Z"));
  static final Meeting DECEMBER = new Meeting(41, "E06000031", List.of("E06000031"), Meeting.Kind.ROUTINE,
      Instant.parse("2026-12-15T10:00:00Z"), Instant.parse("2026-12-08T10:00:00Z"), 8, Meeting.Status.SCHEDULED);

  /** The coverage extension (no threshold) because the moved cases run the engine's coverage listeners. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder().build();

  ProcessEngine processEngine;
  ModelVersions versions;
  final AuditTrail audit = mock(AuditTrail.class);
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  final PanelMeetings calendar = mock(PanelMeetings.class);
  final Actor system = Actor.system("E06000031");
  ModelMigration migration;

  @BeforeEach
  void previousVersionIsRunning() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    FixedAuthority.use(processEngine, "E06000031");
    when(actors.acting(any())).thenReturn(system);
    when(cases.earlierReferrals(any(), any(), any())).thenReturn(new EarlierReferrals(0, Map.of()));
    when(calendar.listAtNextMeeting(any(), anyString())).thenReturn(DECEMBER);
    GatewayMocks.register(cases, actors, mock(Notifications.class));
    PanelMocks.register(cases, actors, calendar, mock(MeetingRecords.class), mock(Notifications.class),
        mock(org.preventcase.authority.AuthorityDirectory.class));
    Mocks.register("moveCaseToPanel", new MoveCaseToStage(cases, actors, Stage.PANEL));
    Mocks.register("moveCaseToCustody", new MoveCaseToStage(cases, actors, Stage.CUSTODY));
    Mocks.register("moveCaseToConsent", new MoveCaseToStage(cases, actors, Stage.CONSENT));
    org.preventcase.support.SupportMocks.register(cases, actors, mock(Notifications.class),
        mock(org.preventcase.statistics.ReferralStatistics.class));
    org.preventcase.information.InformationGatheringMocks.register(processEngine, cases, mock(Notifications.class));
    versions = new ModelVersions(processEngine);
    migration = new ModelMigration(processEngine.getRuntimeService(), processEngine.getRepositoryService(), audit);
  }

  @AfterEach
  void cleanUp() {
    versions.close();
    Mocks.reset();
    FixedAuthority.use(processEngine, null);
    ClockUtil.reset();
  }

  static Map<String, Object> facts(String reference) {
    return Map.of("caseRef", reference, "concernType", "ISLAMIST", "urgency", "ROUTINE", "taskPriority", 50,
        "caseOwnerGroup", DeliveryModel.POLICE_GATEWAY.caseOwnerGroup(), "gatewayOutcome", "REFER_TO_PANEL",
        "screeningDueAt", DUE);
  }

  ProcessInstance instance(String id) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /** Every wait state of the previous version (custody's), with the tasks of its event sub-processes beside one. */
  static final List<List<String>> PREVIOUS_WAIT_STATES = List.of(List.of("CallActivity_Gateway"),
      List.of("CallActivity_Panel"), List.of("Task_AwaitConsentAndSupport"),
      List.of("Task_AwaitConsentAndSupport", "Task_ReviewAdoptedCase"), List.of("Task_HandOverToMappa"),
      List.of("Task_HandOverToMappa", "Task_DeconflictNewInformation"), List.of("Task_LiaiseWithMappa"),
      List.of("Task_LiaiseWithMappa", "CallActivity_PanelAlongsideMappa"),
      List.of("Task_LiaiseWithMappa", "Task_AwaitSupportAlongsideMappa"),
      List.of("CallActivity_Panel", "Event_TransferAccepted"), List.of("CallActivity_Panel", "Task_SendTransferPack"),
      List.of("CallActivity_Panel", "Task_TransferToPmap"), List.of("Task_RecordCustodyHandOff"),
      List.of("Task_AwaitRelease"));

  /** Where the new version takes up an instance at a wait state it no longer has. */
  static final Map<List<String>, List<String>> RESTARTED_AT = Map.of(
      List.of("Task_AwaitConsentAndSupport"), List.of("CallActivity_Support"),
      List.of("Task_AwaitConsentAndSupport", "Task_ReviewAdoptedCase"), List.of("CallActivity_Support"),
      List.of("Task_LiaiseWithMappa", "Task_AwaitSupportAlongsideMappa"),
      List.of("Task_LiaiseWithMappa", "CallActivity_SupportAlongsideMappa"));

  @Test
  void casesWaitingAtEveryWaitStateOfThePreviousVersionMoveAndAnAdoptedOneGetsItsSupportPlanAndReview() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, CURRENT);
    Map<String, List<String>> waiting = new java.util.LinkedHashMap<>();
    int number = 200;
    for (List<String> waitState : PREVIOUS_WAIT_STATES) {
      String reference = "E06000031-2026-00" + number++;
      Map<String, Object> variables = new java.util.HashMap<>(facts(reference));
      variables.put(org.preventcase.panel.Panel.MEETING_ID, 41L);
      variables.put("custodyReviewDueAt", DUE); // the held case's review (Task_AwaitRelease), started without its listener
      waiting.put(versions.waitingAt(previous, reference, variables, waitState.toArray(String[]::new)).getId(),
          waitState);
    }
    ProcessDefinition current = versions.deployCurrent(MODEL, CURRENT_WITH_SUPPORT);

    Map<String, List<String>> now = new java.util.LinkedHashMap<>();
    waiting.forEach((id, waitState) -> {
      List<String> restartAt = RESTARTED_AT.get(waitState);
      now.put(restartAt == null ? id : migration.restartAt(system, id, restartAt.toArray(String[]::new)),
          restartAt == null ? waitState : restartAt);
    });
    List<ModelMigration.Moved> moved = migration.migrateToLatest(system, PreventCase.PROCESS_KEY, instance -> Map.of());

    assertThat(moved).hasSize(PREVIOUS_WAIT_STATES.size() - RESTARTED_AT.size());
    now.forEach((id, waitState) -> {
      ProcessInstance instance = instance(id);
      assertThat(instance.getProcessDefinitionId()).isEqualTo(current.getId());
      assertThat(instance.getTenantId()).isEqualTo("E06000031");
      assertThat(processEngine.getRuntimeService().getActiveActivityIds(id)).as(waitState.toString())
          .containsExactlyInAnyOrderElementsOf(waitState);
    });
    verify(audit, times(PREVIOUS_WAIT_STATES.size())).record(any());

    String reviewed = now.keySet().stream().skip(3).findFirst().orElseThrow();
    String reference = instance(reviewed).getBusinessKey();
    ProcessInstance support = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(reviewed).singleResult();
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(support.getId())).as("the plan comes first")
        .containsExactly("Task_PrepareSupportPlan");
    assertThat(processEngine.getRuntimeService().getVariables(support.getId())).as("the support stage's own start ran")
        .containsKey("contactLapse").containsEntry("caseRef", reference);
    processEngine.getRuntimeService().createMessageCorrelation(org.preventcase.panel.Panel.REVIEW_DUE)
        .processInstanceBusinessKey(reference).setVariableLocal(org.preventcase.panel.Panel.MEETING_ID, 41L)
        .setVariableLocal(org.preventcase.panel.Panel.QUORATE, true).correlateAllWithResult();
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(support.getId())).as("the review asked again")
        .containsExactlyInAnyOrder("Task_PrepareSupportPlan", "Task_ReviewAdoptedCase");

    String liaising = now.entrySet().stream().filter(entry -> entry.getValue().equals(List.of("Task_LiaiseWithMappa")))
        .findFirst().orElseThrow().getKey();
    processEngine.getRuntimeService().createMessageCorrelation("PersonInCustody")
        .processInstanceId(liaising).correlate();
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(liaising)).as("the custody hand-off goes on")
        .containsExactly("Task_RecordCustodyHandOff");
  }
}
