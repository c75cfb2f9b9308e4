package org.preventcase.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.audit.AuditTrail;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EarlierReferrals;
import org.preventcase.deployment.ModelMigration;
import org.preventcase.gateway.GatewayMocks;
import org.preventcase.models.FixedAuthority;
import org.preventcase.models.ModelVersions;
import org.preventcase.notify.Notifications;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/**
 * The case process changed in issue 9: its screening moved into the called gateway, so no migration
 * plan can move a case waiting at the previous version's screening. Cases waiting at every wait
 * state of the previous version restart at the matching point of the new one (the gateway, and the
 * police's deconfliction of new information where it was open), keeping business key, tenant and
 * variables, and the move is audited.
 */
class PreventCaseMigrationTest {

  static final String MODEL = "processes/case/prevent-case.bpmn";
  static final String[] PREVIOUS_FORMS = {"forms/referral-screening.form", "forms/new-information-deconfliction.form"};
  static final String[] FORMS = {"processes/gateway/gateway.bpmn", "processes/gateway/assurance-review.dmn",
      "forms/referral-deconfliction.form", "forms/referral-screening.form", "forms/preliminary-assessment.form",
      "forms/below-threshold-review.form", "forms/assurance-review.form", "forms/mappa-hand-off.form",
      "forms/new-information-deconfliction.form"};
  static final Date DUE = Date.from(Instant.parse("2026-11-30T17:00:00Z"));

  /** The coverage extension (no threshold) because the restarted gateway runs the engine's coverage listeners. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder().build();

  ProcessEngine processEngine;
  ModelVersions versions;
  final AuditTrail audit = mock(AuditTrail.class);
  final CaseService cases = mock(CaseService.class);
  final Actors actors = mock(Actors.class);
  ModelMigration migration;

  @BeforeEach
  void previousVersionIsRunning() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    FixedAuthority.use(processEngine, "E06000031");
    when(actors.acting(any())).thenReturn(Actor.system("E06000031"));
    when(cases.earlierReferrals(any(), any(), any())).thenReturn(new EarlierReferrals(0, Map.of()));
    GatewayMocks.register(cases, actors, mock(Notifications.class));
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
        "screeningDueAt", DUE);
  }

  @Test
  void noPlanCanMoveACaseWhoseScreeningMovedIntoTheGateway() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, PREVIOUS_FORMS);
    versions.waitingAt(previous, "E06000031-2026-00100", facts("E06000031-2026-00100"), "Task_ScreenReferral");
    versions.deployCurrent(MODEL, FORMS);

    assertThatThrownBy(() -> migration.migrateToLatest(Actor.system("E06000031"), PreventCase.PROCESS_KEY,
        instance -> Map.of())).hasMessageContaining("Task_ScreenReferral");
  }

  @Test
  void casesWaitingAtEveryWaitStateOfThePreviousVersionRestartInTheGateway() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, PREVIOUS_FORMS);
    ProcessInstance screening = versions.waitingAt(previous, "E06000031-2026-00101", facts("E06000031-2026-00101"),
        "Task_ScreenReferral");
    ProcessInstance deconflicting = versions.waitingAt(previous, "E06000031-2026-00102",
        facts("E06000031-2026-00102"), "Task_ScreenReferral", "Task_DeconflictNewInformation");
    ProcessDefinition current = versions.deployCurrent(MODEL, FORMS);
    Actor system = Actor.system("E06000031");

    for (ProcessInstance old : List.of(screening, deconflicting)) {
      // the new version's start listener set caseOwnerGroup; a restarted case gets its authority's
      processEngine.getRuntimeService().setVariable(old.getId(), "caseOwnerGroup", DeliveryModel.POLICE_GATEWAY
          .caseOwnerGroup());
    }
    String restartedScreening = migration.restartAt(system, screening.getId(), "CallActivity_Gateway");
    String restartedDeconflicting = migration.restartAt(system, deconflicting.getId(), "CallActivity_Gateway",
        "Task_DeconflictNewInformation");

    for (String restarted : List.of(restartedScreening, restartedDeconflicting)) {
      ProcessInstance now = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(restarted)
          .singleResult();
      assertThat(now.getProcessDefinitionId()).isEqualTo(current.getId());
      assertThat(now.getTenantId()).isEqualTo("E06000031");
      ProcessInstance gateway = processEngine.getRuntimeService().createProcessInstanceQuery()
          .superProcessInstanceId(restarted).singleResult();
      assertThat(gateway.getBusinessKey()).isEqualTo(now.getBusinessKey());
      assertThat(gateway.getTenantId()).isEqualTo("E06000031");
      Task deconfliction = processEngine.getTaskService().createTaskQuery().processInstanceId(gateway.getId())
          .singleResult();
      assertThat(deconfliction.getTaskDefinitionKey()).as("deconfliction first").isEqualTo("Task_DeconflictReferral");
      assertThat(deconfliction.getDueDate()).as("the screening's due date").isNotNull();
      assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(gateway.getId()).timers()
          .count()).as("reminder and escalation").isEqualTo(2);
    }
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(restartedDeconflicting))
        .contains("CallActivity_Gateway", "Task_DeconflictNewInformation");
    assertThat(processEngine.getRuntimeService().getVariables(restartedScreening))
        .containsEntry("caseRef", "E06000031-2026-00101");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceIds(java.util.Set.of(screening.getId(), deconflicting.getId())).count()).isZero();
    verify(audit, org.mockito.Mockito.times(2)).record(any());
  }
}
