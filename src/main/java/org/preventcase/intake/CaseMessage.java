package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a catalogued message (docs/messages.md) to the case process whose business key is caseRef,
 * with the new referral's non-identifying facts as local variables of the receiving event. A case
 * with no receiver yet (a stage that comes later) is not an error: the referral is in its record.
 */
public class CaseMessage implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CaseMessage.class);
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
      LOG.info("Message {} to case {}: no process waits for it yet; the referral is linked in the case record",
          messageName, reference);
    }
  }
}
