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
    InformationGathering.Request request = InformationGathering.request(execution);
    java.util.Date due = request.due();
    notices.reminder(request.authority(), request.caseReference(), request.agency(), due,
        request.eventId("reminder") + "-" + due.getTime());
  }
}
