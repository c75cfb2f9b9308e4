package org.preventcase.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * The case process changed in issue 10: the wait for the panel (Task_AwaitPanel, a receive task) became
 * the call of the panel stage (CallActivity_Panel), and the panel's decisions lead on. Cases waiting at
 * the previous version's other wait states (the gateway, the MAPPA hand-off, the police's deconfliction
 * of new information) move to the new version by a migration plan; no plan can turn a receive task
 * into a call activity, so a case waiting for the panel restarts at CallActivity_Panel (and at the
 * deconfliction where that was open), keeping business key, tenant and variables: it is then listed at
 * the next meeting. Every move is audited.
 */
class PreventCaseMigrationTest {

  static final String MODEL = "processes/case/prevent-case.bpmn";
  static final String[] PREVIOUS = {"processes/gateway/gateway.bpmn", "processes/gateway/information-gathering.bpmn",
      "processes/gateway/assurance-review.dmn", "forms/referral-deconfliction.form", "forms/referral-screening.form",
      "forms/preliminary-assessment.form", "forms/below-threshold-review.form", "forms/assurance-review.form",
      "forms/mappa-hand-off.form", "forms/new-information-deconfliction.form", "forms/information-agencies.form",
      "forms/information-request.form", "forms/information-overdue.form"};
  static final String[] CURRENT = {"processes/gateway/gateway.bpmn", "processes/gateway/information-gathering.bpmn",
      "processes/gateway/assurance-review.dmn", "processes/panel/panel-case.bpmn", "processes/panel/panel-recommendation.dmn",
      "forms/referral-deconfliction.form", "forms/referral-screening.form", "forms/preliminary-assessment.form",
      "forms/below-threshold-review.form", "forms/assurance-review.form", "forms/mappa-hand-off.form",
      "forms/new-information-deconfliction.form", "forms/information-agencies.form", "forms/information-request.form",
      "forms/information-overdue.form", "forms/panel-assessment.form", "forms/panel-decision.form",
      "forms/panel-review.form"};
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

  @Test
  void noPlanCanTurnTheWaitForThePanelIntoTheCallOfThePanelStage() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, PREVIOUS);
    versions.waitingAt(previous, "E06000031-2026-00100", facts("E06000031-2026-00100"), "Task_AwaitPanel");
    versions.deployCurrent(MODEL, CURRENT);

    assertThatThrownBy(() -> migration.migrateToLatest(system, PreventCase.PROCESS_KEY, instance -> Map.of()))
        .hasMessageContaining("Task_AwaitPanel");
  }

  @Test
  void casesWaitingForThePanelRestartAtThePanelStageAndTheOthersMoveByPlan() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, PREVIOUS);
    ProcessInstance awaitingPanel = versions.waitingAt(previous, "E06000031-2026-00101", facts("E06000031-2026-00101"),
        "Task_AwaitPanel");
    ProcessInstance awaitingPanelWithNews = versions.waitingAt(previous, "E06000031-2026-00102",
        facts("E06000031-2026-00102"), "Task_AwaitPanel", "Task_DeconflictNewInformation");
    ProcessInstance inGateway = versions.waitingAt(previous, "E06000031-2026-00103", facts("E06000031-2026-00103"),
        "CallActivity_Gateway");
    ProcessInstance atMappa = versions.waitingAt(previous, "E06000031-2026-00104", facts("E06000031-2026-00104"),
        "Task_HandOverToMappa");
    ProcessInstance withNews = versions.waitingAt(previous, "E06000031-2026-00105", facts("E06000031-2026-00105"),
        "Task_HandOverToMappa", "Task_DeconflictNewInformation");
    ProcessDefinition current = versions.deployCurrent(MODEL, CURRENT);

    String restarted = migration.restartAt(system, awaitingPanel.getId(), "CallActivity_Panel");
    String restartedWithNews = migration.restartAt(system, awaitingPanelWithNews.getId(), "CallActivity_Panel",
        "Task_DeconflictNewInformation");
    List<ModelMigration.Moved> moved = migration.migrateToLatest(system, PreventCase.PROCESS_KEY, instance -> Map.of());

    assertThat(moved).extracting(ModelMigration.Moved::businessKey).containsExactlyInAnyOrder("E06000031-2026-00103",
        "E06000031-2026-00104", "E06000031-2026-00105");
    for (String id : List.of(restarted, restartedWithNews, inGateway.getId(), atMappa.getId(), withNews.getId())) {
      ProcessInstance now = instance(id);
      assertThat(now.getProcessDefinitionId()).isEqualTo(current.getId());
      assertThat(now.getTenantId()).isEqualTo("E06000031");
    }
    for (String id : List.of(restarted, restartedWithNews)) {
      ProcessInstance panel = processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(id)
          .singleResult();
      assertThat(panel.getBusinessKey()).isEqualTo(instance(id).getBusinessKey());
      assertThat(processEngine.getRuntimeService().getActiveActivityIds(panel.getId()))
          .as("listed at the next meeting").containsExactly("Event_MeetingOpened");
      assertThat(processEngine.getRuntimeService().getVariables(id)).containsEntry("gatewayOutcome", "REFER_TO_PANEL");
    }
    verify(calendar).listAtNextMeeting(any(), org.mockito.ArgumentMatchers.eq("E06000031-2026-00101"));
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(restartedWithNews))
        .contains("CallActivity_Panel", "Task_DeconflictNewInformation");
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(inGateway.getId()))
        .containsExactly("CallActivity_Gateway");
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(withNews.getId()))
        .containsExactlyInAnyOrder("Task_HandOverToMappa", "Task_DeconflictNewInformation");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceIds(java.util.Set.of(awaitingPanel.getId(), awaitingPanelWithNews.getId())).count()).isZero();
    verify(audit, times(5)).record(any());
  }
}
