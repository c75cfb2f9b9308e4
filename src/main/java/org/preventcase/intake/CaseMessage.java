package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.caseprocess.UnreceivedMessage;

/**
 * Sends a catalogued message (docs/messages.md) to the case process whose business key is caseRef,
 * with the new referral's non-identifying facts as local variables of the receiving event. Sent
 * after an asynchronous boundary, so by the system actor, which reaches a case of any authority. A
 * case whose process does not wait for the message is an error that reaches a person: a police task
 * ({@link UnreceivedMessage}).
 */
public class CaseMessage implements JavaDelegate {

  private final String messageName;

  public CaseMessage(String messageName) {
    this.messageName = messageName;
  }

  public String messageName() {
    return messageName;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    Map<String, Object> facts = new HashMap<>();
    facts.put("newReferralId", execution.getVariable(IntakeVariables.REFERRAL_ID));
    facts.put("newReferralConcernType", execution.getVariable(IntakeVariables.CONCERN_TYPE));
    facts.put("newReferralUrgency", execution.getVariable(IntakeVariables.URGENCY));
    facts.put("newReferralConcernTypeLabel", execution.getVariable(IntakeVariables.CONCERN_TYPE_LABEL));
    facts.put("newReferralUrgencyLabel", execution.getVariable(IntakeVariables.URGENCY_LABEL));
    facts.put(IntakeVariables.TASK_PRIORITY, execution.getVariable(IntakeVariables.TASK_PRIORITY));
    int received = execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(messageName)
        .processInstanceBusinessKey(reference)
        .setVariablesLocal(facts)
        .correlateAllWithResult().size();
    if (received == 0) {
      UnreceivedMessage.raise(execution.getProcessEngineServices().getTaskService(), messageName, reference,
          execution.getTenantId(), (Integer) execution.getVariable(IntakeVariables.TASK_PRIORITY));
    }
  }
}
