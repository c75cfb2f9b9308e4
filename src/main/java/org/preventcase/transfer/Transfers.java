package org.preventcase.transfer;

import org.camunda.bpm.engine.RuntimeService;
import org.preventcase.caseprocess.PreventCase;

/** The transfer of a case between authorities (docs/transfers.md): its process and messages. */
public final class Transfers {

  /** processes/transfer/transfer-in.bpmn: in the receiving authority's tenant, business key = its new case reference. */
  public static final String PROCESS_KEY = "transfer-in";
  /** To the sending case's process: a transfer to receivingAuthorityCode, for transferReason. */
  public static final String TRANSFER_REQUESTED = "TransferRequested";
  /** To the sending case's process, from the receiving authority's transfer-in: the case was accepted. */
  public static final String TRANSFER_ACCEPTED = "TransferAccepted";
  /** Starts the receiving authority's own case process at its panel stage, once the transfer is accepted. */
  public static final String CASE_TRANSFERRED_IN = "CaseTransferredIn";
  /** The deadlines (prevent.deadlines.durations): the acceptance, and the reminder before it. */
  public static final String ACCEPTANCE = "transferAcceptance";
  public static final String ACCEPTANCE_REMINDER = "transferAcceptanceReminder";

  /** The activities of SubProcess_TransferRequested a case waits at while a transfer is under way. */
  public static final java.util.List<String> IN_TRANSFER = java.util.List.of("Task_OfferTransfer", "Event_TransferAccepted",
      "Task_SendTransferPack", "Task_TransferToPmap");

  private Transfers() {}

  /** Whether the case's process is transferring it (a second transfer, or custody, must wait for its end). */
  public static boolean underWay(RuntimeService runtime, String reference, String authority) {
    return PreventCase.waitsAt(runtime, reference, authority, IN_TRANSFER);
  }
}
