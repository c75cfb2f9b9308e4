package org.preventcase.information;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * `${withdrawInformationRequest}`, when the case owner goes on without an agency: its request is
 * withdrawn in the case record (its page is refused from then on) and the agency's group is told,
 * neutrally, that no answer is needed. The end event that follows ends the agency's task.
 */
@Component("withdrawInformationRequest")
class WithdrawInformationRequest implements JavaDelegate {

  private final CaseService cases;
  private final InformationNotices notices;
  private final Actors actors;

  WithdrawInformationRequest(CaseService cases, InformationNotices notices, Actors actors) {
    this.cases = cases;
    this.notices = notices;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InformationGathering.Request request = InformationGathering.request(execution);
    if (cases.withdrawInformationRequest(actors.acting(execution), request.caseReference(), request.agency(),
        new Purpose(Purpose.Code.PROCESS, "information request withdrawn"))) {
      notices.withdrawn(request.authority(), request.caseReference(), request.agency(), request.eventId("withdrawn"));
    }
  }
}
