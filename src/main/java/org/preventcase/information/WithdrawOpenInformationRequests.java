package org.preventcase.information;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.PartnerAgency;
import org.springframework.stereotype.Component;

/**
 * `${withdrawOpenInformationRequests}`, when the case's work in hand ends before the information
 * gathering does (the person is in custody, docs/custody.md): every request still open is withdrawn in
 * the case record (the agency's page is refused from then on) and each agency's group is told,
 * neutrally, that no answer is needed. The ended process has already ended the agencies' tasks.
 */
@Component("withdrawOpenInformationRequests")
class WithdrawOpenInformationRequests implements JavaDelegate {

  private final CaseService cases;
  private final InformationNotices notices;
  private final Actors actors;

  WithdrawOpenInformationRequests(CaseService cases, InformationNotices notices, Actors actors) {
    this.cases = cases;
    this.notices = notices;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    for (PartnerAgency agency : cases.withdrawOpenInformationRequests(actors.acting(execution), reference,
        new Purpose(Purpose.Code.PROCESS, "open information requests withdrawn"))) {
      notices.withdrawn(execution.getTenantId(), reference, agency,
          "information-withdrawn-" + execution.getProcessInstanceId() + "-" + agency);
    }
  }
}
