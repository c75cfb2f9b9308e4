package org.preventcase.information;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * `${remindAgencyOfInformationRequest}`, when the reminder before the due date fires (a timer job, as
 * the system actor): reminds the agency's group that its request is due, through the outbox.
 */
@Component("remindAgencyOfInformationRequest")
class RemindAgencyOfInformationRequest implements JavaDelegate {

  private final InformationNotices notices;

  RemindAgencyOfInformationRequest(InformationNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    java.util.Date due = InformationGathering.dueAt(execution);
    notices.reminder(execution.getTenantId(), InformationGathering.caseReference(execution),
        InformationGathering.agency(execution), due, "information-reminder-" + execution.getProcessInstanceId() + "-"
            + InformationGathering.agency(execution) + "-" + due.getTime());
  }
}
