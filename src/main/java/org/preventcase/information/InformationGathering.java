package org.preventcase.information;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.PartnerAgency;

/**
 * The called process {@value #PROCESS_KEY} (processes/gateway/information-gathering.bpmn, process.md
 * §2.3): the case owner asks partner agencies for information, one request per agency in parallel,
 * each with its due date, reminder and escalation; an agency that does not answer in time does not
 * hold the case up for ever. It is called with the case reference as business key and
 * {@value #CASE_OWNER_GROUP} only, and returns nothing. Its variables, and what each wait state holds:
 * docs/information-requests.md.
 */
public final class InformationGathering {

  public static final String PROCESS_KEY = "information-gathering";

  /** In: the candidate group of the case owner's tasks (prevent-police-officer or prevent-channel-coordinator). */
  public static final String CASE_OWNER_GROUP = "caseOwnerGroup";
  /** The agencies asked (PartnerAgency codes, a JSON list): the requests' multi-instance collection. */
  public static final String AGENCIES_TO_ASK = "agenciesToAsk";
  /** The case entry holding what is asked (the text itself is moved into the case record). */
  public static final String ASKED_ENTRY_ID = "informationAskedEntryId";

  /** Local to one agency's request: its code (the element variable), label and group. */
  public static final String AGENCY = "agency";
  public static final String AGENCY_LABEL = "agencyLabel";
  public static final String AGENCY_GROUP = "agencyGroup";
  /** Local to one agency's request: when it falls due, as a date and in words, and its reminder. */
  public static final String DUE_AT = "informationRequestDueAt";
  public static final String DUE_LABEL = "informationRequestDueLabel";
  public static final String REMINDER_AT = "informationReminderAt";
  /** Local to one agency's request: the case owner's decision on an overdue request (true: wait longer). */
  public static final String WAIT_FOR_AGENCY = "waitForAgency";

  /** Form information-agencies. */
  static final String INFORMATION_ASKED = "informationAsked";
  /** Form information-request: the agency's answer, moved into the case record on completion. */
  static final String AGENCY_HOLDS = "agencyHolds";
  static final String INFORMATION_FACTORS = "informationFactors";
  static final String INFORMATION_SHARED = "informationShared";
  /** Form information-overdue. */
  static final String OVERDUE_DECISION = "overdueDecision";
  static final String NEW_DUE_DATE = "newDueDate";

  /** The deadlines (prevent.deadlines.durations): the request's due date and its reminder, from the request. */
  public static final String DEADLINE = "information-request";
  public static final String REMINDER = "information-request-reminder";

  /** The agency's task as the model names it (messages carry it). */
  static final String REQUEST_TASK = "Task_AnswerInformationRequest";
  static final String REQUEST_TASK_NAME = "Answer the information request";

  private InformationGathering() {}

  /** The case reference (the business key, copied to caseRef at the start). */
  static String caseReference(VariableScope scope) {
    Object reference = scope.getVariable(IntakeVariables.CASE_REF);
    if (!(reference instanceof String text)) {
      throw new IllegalStateException("The information gathering has no case reference");
    }
    return text;
  }

  /** The agency of the request this step belongs to. */
  static PartnerAgency agency(VariableScope scope) {
    return PartnerAgency.ofCode(String.valueOf(scope.getVariable(AGENCY)))
        .orElseThrow(() -> new IllegalStateException("The step belongs to no partner agency's request"));
  }

  /** The request's due date. */
  static Date dueAt(VariableScope scope) {
    if (!(scope.getVariable(DUE_AT) instanceof Date due)) {
      throw new IllegalStateException("The request has no due date");
    }
    return due;
  }

  /** The agency's request a step of its branch belongs to: the case, the agency, and the request's instance. */
  static Request request(DelegateExecution execution) {
    return new Request(caseReference(execution), agency(execution), execution.getTenantId(),
        execution.getProcessInstanceId(), execution);
  }

  /**
   * One agency's request, as a step of its branch of the information gathering sees it.
   *
   * @param authority the case's authority (the instance's tenant), to which its notices belong
   */
  record Request(String caseReference, PartnerAgency agency, String authority, String processInstanceId,
      DelegateExecution execution) {

    /** When the request falls due. */
    Date due() {
      return dueAt(execution);
    }

    /** The id of a notice about this request ("information-overdue-<instance>-<agency>"), the same on a retry. */
    String eventId(String notice) {
      return "information-" + notice + "-" + processInstanceId + "-" + agency;
    }

    /** The agency's open task for this request. */
    Task agencyTask() {
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REQUEST_TASK)
          .taskCandidateGroup(agency.groupId()).includeAssignedTasks().singleResult();
      if (task == null) {
        throw new IllegalStateException("The agency's request has no open task");
      }
      return task;
    }
  }
}
