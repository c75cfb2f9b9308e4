package org.preventcase.intake;

import org.preventcase.caseprocess.PreventCase;
import org.preventcase.vocabulary.IntakeVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.engine.AuthorityNotChosenException;

/**
 * `${startCaseProcess}`: starts the case's own process (it outlives the intake, so it is not a call
 * activity), business key = case reference, in the referral's authority, handing over only the case facts.
 */
public class StartCaseProcess implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> facts = new LinkedHashMap<>();
    IntakeVariables.CASE_FACTS.stream().filter(name -> execution.getVariable(name) != null)
        .forEach(name -> facts.put(name, execution.getVariable(name)));
    execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(PreventCase.PROCESS_KEY)
        .businessKey((String) execution.getVariable(IntakeVariables.CASE_REF))
        .setVariables(facts)
        .setVariable(AuthorityNotChosenException.FIELD, execution.getTenantId())
        .execute();
  }
}
