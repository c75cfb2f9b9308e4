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
 * The case process changes under running cases. Issue 12, custody: a person in custody interrupts the
 * work in hand (SubProcess_PersonInCustody), and a held case's process starts again at
 * StartEvent_HeldInCustody. The previous version is the one of the transfers (commit 7cfd458); cases
 * waiting at every one of its wait states (the gateway, the panel stage, the wait for consent and
 * support and its review, the MAPPA hand-off and liaison with the panel or support alongside, a transfer
 * under way each way, the police's deconfliction of new information) move to the new version by a
 * migration plan, keeping business key, tenant and variables; every move is audited; a moved case can
 * then be handed to prison and probation.
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

  /** Every wait state of the previous version (7cfd458), with the new information's deconfliction beside one. */
  static final List<List<String>> PREVIOUS_WAIT_STATES = List.of(List.of("CallActivity_Gateway"),
      List.of("CallActivity_Panel"), List.of("Task_AwaitConsentAndSupport"),
      List.of("Task_AwaitConsentAndSupport", "Task_ReviewAdoptedCase"), List.of("Task_HandOverToMappa"),
      List.of("Task_HandOverToMappa", "Task_DeconflictNewInformation"), List.of("Task_LiaiseWithMappa"),
      List.of("Task_LiaiseWithMappa", "CallActivity_PanelAlongsideMappa"),
      List.of("Task_LiaiseWithMappa", "Task_AwaitSupportAlongsideMappa"),
      List.of("CallActivity_Panel", "Event_TransferAccepted"), List.of("CallActivity_Panel", "Task_SendTransferPack"),
      List.of("CallActivity_Panel", "Task_TransferToPmap"));

  @Test
  void casesWaitingAtEveryWaitStateOfThePreviousVersionMoveByPlanAndALiaisingCaseCanThenBeHandedToPrisonAndProbation() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, PREVIOUS);
    Map<String, List<String>> waiting = new java.util.LinkedHashMap<>();
    int number = 200;
    for (List<String> waitState : PREVIOUS_WAIT_STATES) {
      String reference = "E06000031-2026-00" + number++;
      Map<String, Object> variables = new java.util.HashMap<>(facts(reference));
      variables.put(org.preventcase.panel.Panel.MEETING_ID, 41L);
      waiting.put(versions.waitingAt(previous, reference, variables, waitState.toArray(String[]::new)).getId(),
          waitState);
    }
    ProcessDefinition current = versions.deployCurrent(MODEL, CURRENT);

    List<ModelMigration.Moved> moved = migration.migrateToLatest(system, PreventCase.PROCESS_KEY, instance -> Map.of());

    assertThat(moved).hasSize(PREVIOUS_WAIT_STATES.size());
    waiting.forEach((id, waitState) -> {
      ProcessInstance now = instance(id);
      assertThat(now.getProcessDefinitionId()).isEqualTo(current.getId());
      assertThat(now.getTenantId()).isEqualTo("E06000031");
      assertThat(processEngine.getRuntimeService().getActiveActivityIds(id)).as(waitState.toString())
          .containsExactlyInAnyOrderElementsOf(waitState);
    });
    verify(audit, times(PREVIOUS_WAIT_STATES.size())).record(any());

    String liaising = waiting.entrySet().stream().filter(entry -> entry.getValue().equals(List.of("Task_LiaiseWithMappa")))
        .findFirst().orElseThrow().getKey();
    processEngine.getRuntimeService().createMessageCorrelation("PersonInCustody")
        .processInstanceId(liaising).correlate();
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(liaising)).as("the new version's custody hand-off")
        .containsExactly("Task_RecordCustodyHandOff");
  }
}
