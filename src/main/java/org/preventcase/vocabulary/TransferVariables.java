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
  /** {@link TransferRoute}, set on the case process (its paths and how it closes read it); the receiving name for the forms. */
  public static final String TRANSFER_ROUTE = "transferRoute";
  public static final String RECEIVING_AUTHORITY_NAME = "receivingAuthorityName";
  /** The transfer pack's receipt, confirmed by the case owner, and its note (moved into the case record). */
  public static final String TRANSFER_PACK_RECEIVED = "transferPackReceived";
  public static final String TRANSFER_PACK_NOTE = "transferPackNote";
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
