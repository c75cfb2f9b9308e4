package org.preventcase.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.audit.AuditTrail;
import org.preventcase.deployment.ModelMigration;
import org.preventcase.models.FixedAuthority;
import org.preventcase.models.ModelVersions;
import org.preventcase.security.Actor;

/**
 * The case process changed in issue 8 (the screening's due date and its timer, asyncAfter on the
 * screening): cases waiting at every wait state of the previous version move to the new one with a
 * migration plan, and one that no plan could move restarts at the matching point.
 */
class PreventCaseMigrationTest {

  static final String MODEL = "processes/case/prevent-case.bpmn";
  static final String[] FORMS = {"forms/referral-screening.form", "forms/new-information-deconfliction.form"};
  static final Date DUE = Date.from(Instant.parse("2026-11-30T17:00:00Z"));

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine processEngine;
  ModelVersions versions;
  final AuditTrail audit = mock(AuditTrail.class);
  ModelMigration migration;

  @BeforeEach
  void previousVersionIsRunning() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    FixedAuthority.use(processEngine, "E06000031");
    versions = new ModelVersions(processEngine);
    migration = new ModelMigration(processEngine.getRuntimeService(), processEngine.getRepositoryService(), audit);
  }

  @AfterEach
  void cleanUp() {
    versions.close();
    FixedAuthority.use(processEngine, null);
    ClockUtil.reset();
  }

  static Map<String, Object> facts(String reference) {
    return Map.of("caseRef", reference, "concernType", "ISLAMIST", "urgency", "ROUTINE", "taskPriority", 50);
  }

  @Test
  void casesWaitingAtEveryWaitStateOfThePreviousVersionMoveToTheNewOne() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, FORMS);
    ProcessInstance screening = versions.waitingAt(previous, "E06000031-2026-00101", facts("E06000031-2026-00101"),
        "Task_ScreenReferral");
    ProcessInstance deconflicting = versions.waitingAt(previous, "E06000031-2026-00102",
        facts("E06000031-2026-00102"), "Task_ScreenReferral", "Task_DeconflictNewInformation");
    ProcessDefinition current = versions.deployCurrent(MODEL, FORMS);

    List<ModelMigration.Moved> moved = migration.migrateToLatest(Actor.system("E06000031"), PreventCase.PROCESS_KEY,
        instance -> Map.of("screeningDueAt", DUE));

    assertThat(moved).extracting(ModelMigration.Moved::businessKey)
        .containsExactlyInAnyOrder("E06000031-2026-00101", "E06000031-2026-00102");
    assertThat(moved).allSatisfy(one -> assertThat(one.toVersion()).isEqualTo(current.getVersion()));
    assertThat(activeActivities(screening)).containsExactly("Task_ScreenReferral");
    assertThat(activeActivities(deconflicting))
        .containsExactlyInAnyOrder("Task_ScreenReferral", "Task_DeconflictNewInformation");
    for (ProcessInstance instance : List.of(screening, deconflicting)) {
      assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult().getProcessDefinitionId()).isEqualTo(current.getId());
      assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
          .singleResult().getDuedate()).as("the new screening timer").isEqualTo(DUE);
    }
    verify(audit, times(2)).record(any());
  }

  @Test
  void aCaseNoPlanCanMoveRestartsAtTheMatchingPointKeepingBusinessKeyAndTenant() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, FORMS);
    ProcessInstance old = versions.waitingAt(previous, "E06000031-2026-00103", facts("E06000031-2026-00103"),
        "Task_ScreenReferral");
    ProcessDefinition current = versions.deployCurrent(MODEL, FORMS);
    processEngine.getRuntimeService().setVariable(old.getId(), "screeningDueAt", DUE);

    String restarted = migration.restartAt(Actor.system("E06000031"), old.getId(), "Task_ScreenReferral");

    ProcessInstance now = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(restarted)
        .singleResult();
    assertThat(now.getBusinessKey()).isEqualTo("E06000031-2026-00103");
    assertThat(now.getTenantId()).isEqualTo("E06000031");
    assertThat(now.getProcessDefinitionId()).isEqualTo(current.getId());
    assertThat(activeActivities(now)).containsExactly("Task_ScreenReferral");
    assertThat(processEngine.getRuntimeService().getVariables(restarted)).containsEntry("caseRef", "E06000031-2026-00103")
        .containsEntry("screeningDueAt", DUE);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(old.getId()).count())
        .isZero();
    verify(audit).record(any());
  }

  List<String> activeActivities(ProcessInstance instance) {
    return processEngine.getRuntimeService().getActiveActivityIds(instance.getId());
  }
}
