package org.preventcase.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.audit.AuditTrail;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.EarlierReferrals;
import org.preventcase.casefile.Stage;
import org.preventcase.deployment.ModelMigration;
import org.preventcase.gateway.GatewayMocks;
import org.preventcase.models.FixedAuthority;
import org.preventcase.models.ModelVersions;
import org.preventcase.notify.Notifications;
import org.preventcase.panel.Meeting;
import org.preventcase.panel.MeetingRecords;
import org.preventcase.panel.Panel;
import org.preventcase.panel.PanelMeetings;
import org.preventcase.panel.PanelMocks;
import org.preventcase.riskescalation.RiskEscalation;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.SupportVariables;

/**
 * The case process and its stages change under running cases. Issue 11 item 4 (risk escalation): the support
 * stage and the panel stage gained the non-interrupting event sub-process of the message RiskEscalated (a new
 * subscription at their wait states), the support stage the flag riskEscalated and a withdrawal to the police, and
 * the case process the support outcome TRANSFERRED_TO_POLICE. The previous versions (processes-previous/) are
 * those before it. Instances at every wait state of each previous version move by a migration plan, the support
 * stage's with riskEscalated false set first, keeping business key, tenant and variables, every move audited;
 * moved cases then take a risk escalation wherever the new versions do, and one in support whose support is
 * withdrawn after it closes TRANSFERRED_TO_POLICE. Restarting an instance no plan could move keeps the same.
 */
class PreventCaseMigrationTest {

  static final String MODEL = "processes/case/prevent-case.bpmn";
  static final String PANEL_CASE = "processes/panel/panel-case.bpmn";
  static final String SUPPORT = "processes/support/support.bpmn";
  static final String AUTHORITY = "E06000031";
  static final Date DUE = Date.from(Instant.parse("2026-11-30T17:00:00Z"));
  static final Meeting DECEMBER = new Meeting(41, AUTHORITY, List.of(AUTHORITY), Meeting.Kind.ROUTINE,
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
  final Actor system = Actor.system(AUTHORITY);
  ModelMigration migration;

  @BeforeEach
  void previousVersionIsRunning() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    FixedAuthority.use(processEngine, AUTHORITY);
    when(actors.acting(any())).thenReturn(system);
    when(cases.earlierReferrals(any(), any(), any())).thenReturn(new EarlierReferrals(0, Map.of()));
    when(calendar.listAtNextMeeting(any(), anyString())).thenReturn(DECEMBER);
    GatewayMocks.register(cases, actors, mock(Notifications.class));
    PanelMocks.register(cases, actors, calendar, mock(MeetingRecords.class), mock(Notifications.class),
        mock(org.preventcase.authority.AuthorityDirectory.class));
    Mocks.register("moveCaseToPanel", new MoveCaseToStage(cases, actors, Stage.PANEL));
    Mocks.register("moveCaseToCustody", new MoveCaseToStage(cases, actors, Stage.CUSTODY));
    Mocks.register("moveCaseToConsent", new MoveCaseToStage(cases, actors, Stage.CONSENT));
    Mocks.register("tellReferrersTheReferralWasHandled", new TellReferrersTheReferralWasHandled(cases,
        mock(Notifications.class), actors));
    Mocks.register(CloseCase.beanName(ClosureReason.TRANSFERRED_TO_POLICE),
        new CloseCase(cases, actors, ClosureReason.TRANSFERRED_TO_POLICE));
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

  /** What every version calls and is deployed with, unchanged by this change: the other stages, tables and forms. */
  static Stream<String> unchanged() {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      return Stream.concat(Stream.of("processes/gateway/gateway.bpmn", "processes/gateway/information-gathering.bpmn",
          "processes/gateway/assurance-review.dmn", "processes/panel/panel-recommendation.dmn",
          "processes/support/consent-required.dmn", "processes/aftercare/aftercare.bpmn"),
          forms.map(form -> "forms/" + form.getFileName()).sorted().toList().stream());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  static String[] with(String... stages) {
    return Stream.concat(unchanged(), Stream.of(stages)).toArray(String[]::new);
  }

  static Map<String, Object> facts(String reference) {
    Map<String, Object> facts = new HashMap<>(Map.of("caseRef", reference, "concernType", "ISLAMIST", "urgency",
        "ROUTINE", "taskPriority", 50, "caseOwnerGroup", DeliveryModel.POLICE_GATEWAY.caseOwnerGroup(),
        "gatewayOutcome", "REFER_TO_PANEL", "screeningDueAt", DUE, "custodyReviewDueAt", DUE));
    facts.putAll(Map.of(Panel.MEETING_ID, 41L, SupportVariables.CONTACT_LAPSE, "PT720H",
        SupportVariables.INTERVENTION_COUNT, 1, SupportVariables.INTERVENTION_PROVIDER, "demo-provider",
        SupportVariables.REASSESSMENT_DUE_AT, DUE));
    return facts;
  }

  /** Every wait state of the previous case process, with those of its event sub-processes beside one. */
  static final List<List<String>> CASE_WAIT_STATES = List.of(List.of("CallActivity_Gateway"),
      List.of("CallActivity_Panel"), List.of("CallActivity_Support"), List.of("CallActivity_Aftercare"),
      List.of("CallActivity_Support", "Task_DeconflictNewInformation"), List.of("Task_HandOverToMappa"),
      List.of("Task_LiaiseWithMappa"), List.of("Task_LiaiseWithMappa", "CallActivity_PanelAlongsideMappa"),
      List.of("Task_LiaiseWithMappa", "CallActivity_SupportAlongsideMappa"),
      List.of("CallActivity_Panel", "Event_TransferAccepted"), List.of("CallActivity_Panel", "Task_SendTransferPack"),
      List.of("CallActivity_Panel", "Task_TransferToPmap"), List.of("Task_RecordCustodyHandOff"),
      List.of("Task_AwaitRelease"));
  /** Every wait state of the previous support stage, and whether the new one takes a risk escalation there. */
  static final Map<List<String>, Boolean> SUPPORT_WAIT_STATES = Map.of(List.of("Task_PrepareSupportPlan"), true,
      List.of("Task_RecordConsent"), true, List.of("Task_ConsultOnConsent"), true,
      List.of("SubProcess_Interventions"), true, List.of("SubProcess_Interventions", "Task_ReviewAdoptedCase"), true,
      List.of("SubProcess_Interventions", "Task_RevisePlan"), true, List.of("Task_SetReassessment"), false,
      List.of("Event_ReassessmentDue"), false);
  /** Every wait state of the previous panel stage: each takes a risk escalation in the new one. */
  static final List<List<String>> PANEL_WAIT_STATES = List.of(List.of("Event_MeetingOpened"),
      List.of("Task_AssessCase"), List.of("Task_DecideCase"));

  int number = 200;

  /** Instances of the previous version waiting at each of these states: their ids. */
  List<String> waitingAt(ProcessDefinition previous, java.util.Collection<List<String>> waitStates) {
    return waitStates.stream().map(waitState -> versions.waitingAt(previous, "E06000031-2026-00" + number,
        facts("E06000031-2026-00" + number++), waitState.toArray(String[]::new)).getId()).toList();
  }

  /**
   * What the new support stage needs of an instance of the previous one: no risk escalated yet, and, once a plan
   * is recorded, that plan as the first, which any interventions running follow.
   */
  Map<String, Object> supportNeeds(ProcessInstance instance) {
    Map<String, Object> needs = new HashMap<>(Map.of(SupportVariables.RISK_ESCALATED, false));
    if (processEngine.getRuntimeService().getVariable(instance.getId(), SupportVariables.INTERVENTION_COUNT) != null) {
      needs.put(SupportVariables.PLAN_VERSION, 1);
      needs.put(SupportVariables.INTERVENTIONS_PLAN_VERSION, 1);
    }
    return needs;
  }

  boolean takesRiskEscalation(String processInstanceId) {
    return processEngine.getRuntimeService().createExecutionQuery().processInstanceId(processInstanceId)
        .messageEventSubscriptionName(RiskEscalation.MESSAGE).count() > 0;
  }

  @Test
  void casesWaitingAtEveryWaitStateOfThePreviousVersionsMoveByPlanAndThenTakeARiskEscalation() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, with("processes-previous/panel/panel-case.bpmn",
        "processes-previous/support/support.bpmn"));
    ProcessDefinition previousSupport = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(previous.getDeploymentId()).processDefinitionKey("support").singleResult();
    ProcessDefinition previousPanel = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(previous.getDeploymentId()).processDefinitionKey(Panel.CASE_PROCESS).singleResult();
    List<String> casesWaiting = waitingAt(previous, CASE_WAIT_STATES);
    List<List<String>> supportStates = List.copyOf(SUPPORT_WAIT_STATES.keySet());
    List<String> supportWaiting = waitingAt(previousSupport, supportStates);
    List<String> panelWaiting = waitingAt(previousPanel, PANEL_WAIT_STATES);
    assertThat(supportWaiting).noneMatch(this::takesRiskEscalation);
    ProcessDefinition current = versions.deployCurrent(MODEL, with(PANEL_CASE, SUPPORT));
    RuntimeService runtime = processEngine.getRuntimeService();
    long supportsRunning = runtime.createProcessInstanceQuery().processDefinitionKey("support").count();
    long panelsRunning = runtime.createProcessInstanceQuery().processDefinitionKey(Panel.CASE_PROCESS).count();

    assertThat(migration.migrateToLatest(system, "support", this::supportNeeds)).hasSize((int) supportsRunning);
    assertThat(migration.migrateToLatest(system, Panel.CASE_PROCESS, instance -> Map.of())).hasSize((int) panelsRunning);
    assertThat(migration.migrateToLatest(system, PreventCase.PROCESS_KEY, instance -> Map.of()))
        .hasSize(CASE_WAIT_STATES.size());
    verify(audit, times(CASE_WAIT_STATES.size() + (int) supportsRunning + (int) panelsRunning)).record(any());

    for (int i = 0; i < CASE_WAIT_STATES.size(); i++) {
      String id = casesWaiting.get(i);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getProcessDefinitionId())
          .isEqualTo(current.getId());
      assertThat(runtime.getActiveActivityIds(id)).as(CASE_WAIT_STATES.get(i).toString())
          .containsExactlyInAnyOrderElementsOf(CASE_WAIT_STATES.get(i));
    }
    for (int i = 0; i < supportStates.size(); i++) {
      assertThat(takesRiskEscalation(supportWaiting.get(i))).as("support at " + supportStates.get(i))
          .isEqualTo(SUPPORT_WAIT_STATES.get(supportStates.get(i)));
    }
    assertThat(panelWaiting).allMatch(this::takesRiskEscalation);
    String revising = supportWaiting.get(supportStates.indexOf(List.of("SubProcess_Interventions", "Task_RevisePlan")));
    complete(runtime.createProcessInstanceQuery().processInstanceId(revising).singleResult(), "Task_RevisePlan",
        withVariables("consentApproach", "Synthetic.", "supportNature", "Synthetic.", "supportProviders", "Synthetic.",
            "supportDelivery", "Synthetic.", "interventionTypes", List.of("HOUSING", "LIFE_SKILLS"),
            "interventionDetails", "Synthetic.", "interventionProvider", "demo-provider"));
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(revising)
        .taskDefinitionKey("Task_RecordContact").count()).as("a moved plan's revision starts its interventions").isEqualTo(2);

    String inSupport = casesWaiting.get(CASE_WAIT_STATES.indexOf(List.of("CallActivity_Support")));
    String reference = runtime.createProcessInstanceQuery().processInstanceId(inSupport).singleResult().getBusinessKey();
    ProcessInstance support = runtime.createProcessInstanceQuery().superProcessInstanceId(inSupport).singleResult();
    when(cases.ageOn(any(), eq(reference), any(), any())).thenReturn(java.util.Optional.of(
        new org.preventcase.casefile.PersonAge(30, false)));
    complete(support, "Task_PrepareSupportPlan", withVariables("consentApproach", "Synthetic.", "supportNature",
        "Synthetic.", "supportProviders", "Synthetic.", "supportDelivery", "Synthetic.", "interventionTypes",
        List.of("HOUSING"), "interventionDetails", "Synthetic.", "interventionProvider", "demo-provider"));
    complete(support, "Task_RecordConsent", withVariables("consentRecord", "Synthetic.", "consentOutcome", "GIVEN",
        "consentGivenBy", "SELF"));
    runtime.createMessageCorrelation(RiskEscalation.MESSAGE).processInstanceBusinessKey(reference).tenantId(AUTHORITY)
        .setVariableLocal(RiskEscalation.PANEL_HEARING_NOW, false).correlate();
    runJobs();
    runtime.createMessageCorrelation(Panel.REVIEW_DUE).processInstanceBusinessKey(reference).tenantId(AUTHORITY)
        .setVariableLocal(Panel.MEETING_ID, 44L).setVariableLocal(Panel.QUORATE, true).correlate();
    complete(support, "Task_ReviewAdoptedCase", withVariables("reviewDecision", "WITHDRAW_SUPPORT",
        "reviewRationale", "Synthetic."));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inSupport).count()).as("the moved case closed")
        .isZero();
    verify(cases).close(any(), eq(reference), eq(ClosureReason.TRANSFERRED_TO_POLICE), any());
  }

  @Test
  void anInstanceNoPlanCouldMoveIsRestartedAtTheMatchingPointWithItsBusinessKeyTenantAndVariables() {
    ProcessDefinition previous = versions.deployPrevious(MODEL, with("processes-previous/panel/panel-case.bpmn",
        "processes-previous/support/support.bpmn"));
    String held = waitingAt(previous, List.of(List.of("Task_AwaitRelease"))).get(0);
    ProcessDefinition current = versions.deployCurrent(MODEL, with(PANEL_CASE, SUPPORT));

    String restarted = migration.restartAt(system, held, "Task_AwaitRelease");

    RuntimeService runtime = processEngine.getRuntimeService();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(restarted).singleResult();
    assertThat(instance.getProcessDefinitionId()).isEqualTo(current.getId());
    assertThat(instance.getBusinessKey()).isEqualTo("E06000031-2026-00200");
    assertThat(instance.getTenantId()).isEqualTo(AUTHORITY);
    assertThat(runtime.getVariables(restarted)).containsEntry("caseRef", "E06000031-2026-00200");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(held).count()).isZero();
    verify(audit).record(any());
  }

  void complete(ProcessInstance instance, String taskKey, Map<String, Object> submitted) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    processEngine.getTaskService().complete(task.getId(), submitted);
    runJobs();
  }

  void runJobs() {
    for (int round = 0; round < 3; round++) {
      processEngine.getManagementService().createJobQuery().executable().messages().list()
          .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    }
  }
}
