package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.preventcase.engine.SignedInUser;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;

/** The user an intake step acts for: the referrer, or the screener who confirmed a possible match. */
final class IntakeActor {

  private IntakeActor() {}

  static Actor of(DelegateExecution execution, Actors actors) {
    return actors.of(SignedInUser.id(execution.getProcessEngineServices().getIdentityService())
        .orElseThrow(() -> new IllegalStateException("A referral is made by a signed-in user")));
  }

  /** The case the referral now belongs to: a variable and the intake's business key. */
  static void attachCase(DelegateExecution execution, String reference) {
    execution.setVariable(IntakeVariables.CASE_REF, reference);
    execution.setProcessBusinessKey(reference);
  }
}
