package org.preventcase.information;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.preventcase.casefile.CaseService;
import org.preventcase.deadline.Deadlines;
import org.preventcase.deadline.DeadlinesProperties;
import org.preventcase.engine.EngineClock;
import org.preventcase.intake.NameTaskForCase;
import org.preventcase.notify.Notifications;
import org.preventcase.security.Actors;
import org.preventcase.web.UkTime;
import org.springframework.core.io.ClassPathResource;

/**
 * Model tests: the information gathering's steps as the application has them (the real beans),
 * over the test's mocked case record and outbox, registered by their expression names; and a
 * gathering worked through quickly by a test of a process that calls it.
 */
public final class InformationGatheringMocks {

  private InformationGatheringMocks() {}

  /** The deadlines as configured by default: 10 working days, the reminder after 8. */
  static final DeadlinesProperties DEADLINES = new DeadlinesProperties(
      new ClassPathResource("db/reference/bank-holidays-england-and-wales.csv"), null, null,
      Map.of(InformationGathering.DEADLINE, "10WD", InformationGathering.REMINDER, "8WD"));

  public static void register(ProcessEngine engine, CaseService cases, Notifications notifications) {
    EngineClock clock = new EngineClock();
    Deadlines deadlines = new Deadlines(DEADLINES, clock);
    Actors actors = new Actors(engine.getIdentityService());
    InformationNotices notices = new InformationNotices(notifications);
    UkTime uk = new UkTime(clock);
    Mocks.register("takeCaseReference", new TakeCaseReference());
    Mocks.register("nameTaskForCase", new NameTaskForCase());
    Mocks.register("recordInformationAsked", new RecordInformationAsked(cases, actors));
    Mocks.register("openInformationRequest", new OpenInformationRequest(cases, actors, deadlines, clock, uk));
    Mocks.register("noticeInformationRequest", new NoticeInformationRequest(notices));
    Mocks.register("recordInformationShared", new RecordInformationShared(cases, actors));
    Mocks.register("remindAgencyOfInformationRequest", new RemindAgencyOfInformationRequest(notices));
    Mocks.register("escalateOverdueInformationRequest", new EscalateOverdueInformationRequest(cases, notices, actors, uk));
    Mocks.register("recordOverdueDecision", new RecordOverdueDecision(cases, actors, DEADLINES, clock, uk));
    Mocks.register("extendInformationRequest", new ExtendInformationRequest(cases, notices, actors));
    Mocks.register("withdrawInformationRequest", new WithdrawInformationRequest(cases, notices, actors));
    Mocks.register("withdrawOpenInformationRequests", new WithdrawOpenInformationRequests(cases, notices, actors));
  }

  /**
   * The information gathering called by {@code caller}: its case owner asks Education, which answers
   * that it does not know the person; the gathering then ends and the caller goes on.
   */
  public static void gatherFromOneAgency(ProcessEngine engine, ProcessInstance caller) {
    ProcessInstance gathering = askOneAgency(engine, caller);
    Task request = engine.getTaskService().createTaskQuery().processInstanceId(gathering.getId())
        .taskDefinitionKey(InformationGathering.REQUEST_TASK).singleResult();
    engine.getFormService().submitTaskForm(request.getId(), Map.of(InformationGathering.AGENCY_HOLDS, "NOT_KNOWN"));
    runContinuations(engine, gathering);
  }

  /** The case owner of the caller's information gathering asks one agency (Education): the gathering, waiting for it. */
  public static ProcessInstance askOneAgency(ProcessEngine engine, ProcessInstance caller) {
    ProcessInstance gathering = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId()).processDefinitionKey(InformationGathering.PROCESS_KEY).singleResult();
    Task select = engine.getTaskService().createTaskQuery().processInstanceId(gathering.getId())
        .taskDefinitionKey("Task_SelectPartnerAgencies").singleResult();
    engine.getFormService().submitTaskForm(select.getId(), Map.of(
        InformationGathering.AGENCIES_TO_ASK, SpinValues.jsonValue("[\"EDUCATION\"]").create(),
        InformationGathering.INFORMATION_ASKED, "Is the person known to you?"));
    runContinuations(engine, gathering);
    return gathering;
  }

  private static void runContinuations(ProcessEngine engine, ProcessInstance gathering) {
    List<Job> continuations = engine.getManagementService().createJobQuery().processInstanceId(gathering.getId())
        .messages().list();
    continuations.forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
