package org.preventcase.intake;

import org.preventcase.vocabulary.IntakeVariables;
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
    int received = execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(messageName)
        .processInstanceBusinessKey(reference)
        .setVariablesLocal(Map.of(
            "newReferralId", execution.getVariable(IntakeVariables.REFERRAL_ID),
            "newReferralConcernType", execution.getVariable(IntakeVariables.CONCERN_TYPE),
            "newReferralUrgency", execution.getVariable(IntakeVariables.URGENCY),
            IntakeVariables.TASK_PRIORITY, execution.getVariable(IntakeVariables.TASK_PRIORITY)))
        .correlateAllWithResult().size();
    if (received == 0) {
      LOG.info("Message {} to case {}: no process waits for it yet; the referral is linked in the case record",
          messageName, reference);
    }
  }
}
