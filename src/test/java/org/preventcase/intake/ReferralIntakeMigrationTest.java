package org.preventcase.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * The intake changed in issue 8 (its messages to a case sent after an asynchronous boundary): a
 * referral waiting at the previous version's only wait state, the screener's confirmation of a
 * possible match, moves to the new version with a migration plan.
 */
class ReferralIntakeMigrationTest {

  static final String MODEL = "processes/intake/referral-intake.bpmn";
  static final String[] FORMS = {"forms/referral-intake-start.form", "forms/referral-possible-match.form"};

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine processEngine;
  ModelVersions versions;

  @BeforeEach
  void init() {
    FixedAuthority.use(processEngine, "E06000031");
    versions = new ModelVersions(processEngine);
  }

  @AfterEach
  void cleanUp() {
    versions.close();
    FixedAuthority.use(processEngine, null);
  }

  @Test
  void aReferralWaitingForTheScreenersConfirmationMovesToTheNewVersion() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, FORMS);
    ProcessInstance waiting = versions.waitingAt(previous, null, Map.of("referralId", 77L, "taskPriority", 50,
        "personMatch", "CANDIDATE", "matchedCaseRef", "E06000031-2026-00200"), "Task_ConfirmPossibleMatch");
    ProcessDefinition current = versions.deployCurrent(MODEL, FORMS);

    new ModelMigration(processEngine.getRuntimeService(), processEngine.getRepositoryService(), mock(AuditTrail.class))
        .migrateToLatest(Actor.system("E06000031"), ReferralIntake.PROCESS_KEY, instance -> Map.of());

    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(waiting.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(current.getId());
    assertThat(processEngine.getRuntimeService().getActiveActivityIds(waiting.getId()))
        .containsExactly("Task_ConfirmPossibleMatch");
  }
}
