package org.preventcase.transfer;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.engine.AuthorityNotChosenException;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.TransferVariables;
import org.springframework.stereotype.Component;

/**
 * `${completeTransfer}`, after the receiving authority accepted (asyncBefore, the system actor of the
 * receiving authority): the sending case's process receives TransferAccepted (and closes as
 * transferred), and the receiving case's own process starts by its message start event
 * StartEvent_CaseTransferredIn (message CaseTransferredIn: a start with its variables, so the engine's
 * tenancy gives it the authority they name) at its panel stage, listed at this authority's next panel
 * meeting with room, with the case's facts only.
 */
@Component("completeTransfer")
public class CompleteTransfer implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    String reference = (String) execution.getVariable(IntakeVariables.CASE_REF);
    runtime.createMessageCorrelation(Transfers.TRANSFER_ACCEPTED)
        .processInstanceBusinessKey((String) execution.getVariable(TransferVariables.SENDING_CASE_REF))
        .tenantId((String) execution.getVariable(TransferVariables.SENDING_AUTHORITY_CODE))
        .setVariable(TransferVariables.RECEIVING_CASE_REF, reference)
        .correlateAllWithResult(); // none when the sending case closed meanwhile: this case goes on regardless
    if (runtime.createProcessInstanceQuery().processDefinitionKey(PreventCase.PROCESS_KEY)
        .processInstanceBusinessKey(reference).tenantIdIn(execution.getTenantId()).count() > 0) {
      return; // one case process per case and authority: never a second one
    }
    var receivingCase = runtime.createMessageCorrelation(Transfers.CASE_TRANSFERRED_IN).processInstanceBusinessKey(reference)
        .setVariable(AuthorityNotChosenException.FIELD, execution.getTenantId())
        .setVariable(IntakeVariables.CASE_REF, reference);
    for (String fact : CaseFacts.CARRIED) {
      receivingCase.setVariable(fact, execution.getVariable(fact));
    }
    receivingCase.correlateStartMessage();
  }
}
