package org.preventcase.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/** `${openCase}`: opens a new case for the referral; its reference becomes caseRef and the business key. */
@Component("openCase")
public class OpenCase implements JavaDelegate {

  private final CaseService cases;
  private final Actors actors;

  public OpenCase(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IntakeActor.attachCase(execution, cases.openCaseForReferral(IntakeActor.of(execution, actors),
        execution.getTenantId(), (Long) execution.getVariable(IntakeVariables.REFERRAL_ID), null));
  }
}
