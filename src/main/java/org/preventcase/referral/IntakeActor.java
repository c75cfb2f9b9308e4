package org.preventcase.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/** The user an intake step acts for: the referrer, or the screener who confirmed a possible match. */
final class IntakeActor {

  private IntakeActor() {}

  static Actor of(DelegateExecution execution, Actors actors) {
    var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new IllegalStateException("A referral is made by a signed-in user");
    }
    return actors.of(user.getUserId());
  }

  /** The case the referral now belongs to: a variable and the intake's business key. */
  static void attachCase(DelegateExecution execution, String reference) {
    execution.setVariable(IntakeVariables.CASE_REF, reference);
    execution.setProcessBusinessKey(reference);
  }
}
