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
 * `${recordTransferPackReceipt}`, the complete listener of Task_SendTransferPack and Task_TransferToPmap:
 * the case owner's confirmation that the receiving authority (or PMAP) received the transfer pack, and
 * the notes, become a decision entry of the case; the case then closes here.
 */
@Component("recordTransferPackReceipt")
public class RecordTransferPackReceipt implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  public RecordTransferPackReceipt(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(TransferVariables.TRANSFER_PACK_RECEIVED))) {
      throw new IllegalArgumentException("Confirm that they received the transfer pack");
    }
    Object note = task.getVariable(TransferVariables.TRANSFER_PACK_NOTE);
    cases.addEntry(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF),
        new NewEntry(EntryKind.DECISION, "Transfer pack received by " + task.getVariable(
            TransferVariables.RECEIVING_AUTHORITY_NAME), note == null || String.valueOf(note).isBlank() ? null
                : String.valueOf(note)), new Purpose(Purpose.Code.TASK, task.getId()));
    task.getExecution().removeVariable(TransferVariables.TRANSFER_PACK_RECEIVED);
    task.getExecution().removeVariable(TransferVariables.TRANSFER_PACK_NOTE);
  }
}
