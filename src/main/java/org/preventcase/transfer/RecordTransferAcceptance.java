package org.preventcase.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.TransferVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordTransferAcceptance}`, the complete listener of Task_AcceptTransfer: the receiving case owner's
 * acceptance (and notes) become a decision entry of the receiving case record, and leave the engine.
 */
@Component("recordTransferAcceptance")
public class RecordTransferAcceptance implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  public RecordTransferAcceptance(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(TransferVariables.TRANSFER_ACCEPTED))) {
      throw new IllegalArgumentException("Confirm that you accept the case");
    }
    Object note = task.getVariable(TransferVariables.TRANSFER_ACCEPTANCE_NOTE);
    cases.addEntry(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF),
        new NewEntry(EntryKind.DECISION, "Transfer accepted from " + task.getVariable(
            TransferVariables.SENDING_AUTHORITY_NAME), note == null || String.valueOf(note).isBlank() ? null
                : String.valueOf(note)), new Purpose(Purpose.Code.TASK, task.getId()));
    task.getExecution().removeVariable(TransferVariables.TRANSFER_ACCEPTED);
    task.getExecution().removeVariable(TransferVariables.TRANSFER_ACCEPTANCE_NOTE);
  }
}
