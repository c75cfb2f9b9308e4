package org.preventcase.information;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * `${noticeInformationRequest}`, when the agency's task is created: tells the members of the agency's
 * group (in the case's authority) that a request is waiting, with its due date and a link to Tasklist;
 * nothing about the person.
 */
@Component("noticeInformationRequest")
class NoticeInformationRequest implements TaskListener {

  private final InformationNotices notices;

  NoticeInformationRequest(InformationNotices notices) {
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    notices.requestWaiting(task.getTenantId(), InformationGathering.caseReference(task),
        InformationGathering.agency(task), InformationGathering.dueAt(task), task.getId());
  }
}
