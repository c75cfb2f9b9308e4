package org.preventcase.information;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${takeCaseReference}`, on the start of the information gathering: the case reference is the
 * business key the gateway passes down; the forms and task names read it as {@code caseRef}.
 */
@Component("takeCaseReference")
class TakeCaseReference implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    if (reference == null || reference.isBlank()) {
      throw new IllegalStateException("The information gathering starts with the case reference as business key");
    }
    execution.setVariable(IntakeVariables.CASE_REF, reference);
  }
}
