package org.preventcase.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/** `${openCase}`: opens a new case for the referral; its reference becomes caseRef and the business key. */
@Component("openCase")
public class OpenCase extends IntakeStep {

  public OpenCase(CaseService cases, Actors actors) {
    super(cases, actors);
  }

  @Override
  public void execute(DelegateExecution execution) {
    attachCase(execution, cases.openCaseForReferral(actor(execution),
        execution.getTenantId(), referralId(execution), null));
  }
}
