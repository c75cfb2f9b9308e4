package org.preventcase.information;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${extendInformationRequest}`, after the case owner decided to wait longer (asynchronously, as the
 * system actor: the agency's task is not the case owner's to change): the agency's task and its
 * request in the case record are due at the new date, and the agency is told the new date.
 */
@Component("extendInformationRequest")
class ExtendInformationRequest implements JavaDelegate {

  private final CaseService cases;
  private final InformationNotices notices;
  private final Actors actors;

  ExtendInformationRequest(CaseService cases, InformationNotices notices, Actors actors) {
    this.cases = cases;
    this.notices = notices;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InformationGathering.Request request = InformationGathering.request(execution);
    Date due = request.due();
    Task agencyTask = request.agencyTask();
    agencyTask.setDueDate(due);
    execution.getProcessEngineServices().getTaskService().saveTask(agencyTask);
    cases.extendInformationRequest(actors.acting(execution), request.caseReference(), request.agency(),
        due.toInstant(), new Purpose(Purpose.Code.PROCESS, "information request extended"));
    notices.requestWaiting(request.authority(), request.caseReference(), request.agency(), due,
        agencyTask.getId() + "-" + due.getTime());
  }
}
