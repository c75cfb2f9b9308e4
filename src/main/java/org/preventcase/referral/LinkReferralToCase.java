package org.preventcase.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/** `${linkReferralToCase}`: the referral joins the matched case (matchedCaseRef); no second case. */
@Component("linkReferralToCase")
public class LinkReferralToCase implements JavaDelegate {

  private final CaseService cases;
  private final Actors actors;

  public LinkReferralToCase(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.MATCHED_CASE_REF);
    cases.linkReferral(IntakeActor.of(execution, actors), execution.getTenantId(),
        (Long) execution.getVariable(IntakeVariables.REFERRAL_ID), reference);
    IntakeActor.attachCase(execution, reference);
  }
}
