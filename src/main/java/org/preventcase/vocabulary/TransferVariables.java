package org.preventcase.vocabulary;

/**
 * The variables of a transfer between authorities (docs/transfers.md): authority codes, references,
 * the reason's code and the acceptance's due dates only.
 */
public final class TransferVariables {

  /** Message TransferRequested: the receiving authority's code and the reason ({@link TransferReason}). */
  public static final String RECEIVING_AUTHORITY_CODE = "receivingAuthorityCode";
  public static final String TRANSFER_REASON = "transferReason";
  public static final String TRANSFER_REASON_LABEL = "transferReasonLabel";
  /** The transfer-in process (tenant = the receiving authority): the sending case and authority. */
  public static final String SENDING_CASE_REF = "sendingCaseRef";
  public static final String SENDING_AUTHORITY_CODE = "sendingAuthorityCode";
  public static final String SENDING_AUTHORITY_NAME = "sendingAuthorityName";
  /** The receiving authority's new case, in the sending case's transfer and message TransferAccepted. */
  public static final String RECEIVING_CASE_REF = "receivingCaseRef";
  /** The acceptance task's confirmation and note (moved into the receiving case record). */
  public static final String TRANSFER_ACCEPTED = "transferAccepted";
  public static final String TRANSFER_ACCEPTANCE_NOTE = "transferAcceptanceNote";

  private TransferVariables() {}
}
