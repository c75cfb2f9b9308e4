package org.preventcase.gateway;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EarlierReferrals;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${countEarlierReferrals}`, a start listener of the screening task: from the case record (an
 * audited read), how many earlier referrals the person has, how their earlier cases closed (in
 * words), and whether this is a repeat referral, as non-identifying facts the screening form shows
 * and the assurance rule reads (Prevent Learning Review 2025: repeat referrals).
 */
@Component("countEarlierReferrals")
public class CountEarlierReferrals implements ExecutionListener {

  private final CaseService cases;
  private final Actors actors;

  public CountEarlierReferrals(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateExecution execution) {
    EarlierReferrals earlier = cases.earlierReferrals(actors.acting(execution),
        (String) execution.getVariable(IntakeVariables.CASE_REF), new Purpose(Purpose.Code.PROCESS, "earlier referrals"));
    execution.setVariable(GatewayVariables.EARLIER_REFERRAL_COUNT, earlier.count());
    execution.setVariable(GatewayVariables.EARLIER_OUTCOMES, earlier.outcomesInWords());
    execution.setVariable(GatewayVariables.REPEAT_REFERRAL,
        earlier.count() > 0 || execution.getVariable(IntakeVariables.PREVIOUS_CASE_REF) != null);
  }
}
