package org.preventcase.custody;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.engine.AuthorityNotChosenException;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${holdCaseInCustody}`: the case process starts again for the same case (business key, tenant and the
 * case's facts), held at Task_AwaitRelease by its message start event CaseHeldInCustody, while this
 * instance ends. A fresh instance, because the interrupting hand-off has closed this one's other event
 * sub-processes: held in it, the case could receive no new information, transfer or escalation.
 */
@Component("holdCaseInCustody")
class HoldCaseInCustody implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    var held = runtime.createMessageCorrelation(Custody.CASE_HELD_IN_CUSTODY)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable(AuthorityNotChosenException.FIELD, execution.getTenantId());
    for (String fact : IntakeVariables.CASE_FACTS) {
      Object value = execution.getVariable(fact);
      if (value != null) {
        held.setVariable(fact, value);
      }
    }
    held.correlateStartMessage();
  }
}
