package org.preventcase.casefile;

import org.preventcase.vocabulary.FormOption;

/**
 * Why a case closed (case_file.closure_reason, V80, V110): one value per way the case process ends, each an
 * end event of processes/case/prevent-case.bpmn. Later stages add theirs here and to the constraint.
 */
public enum ClosureReason implements FormOption {
  /** Screening or assessment: no further action (mistaken, misguided, malicious, or no concern). */
  NFA_CLOSED("No further action"),
  /** Signposted to another service (children's or adult social care, Early Help, ...). */
  SIGNPOSTED("Signposted to another service"),
  /** Part of a live counter-terrorism investigation: the case left Prevent (s38(4)-(5): nothing more kept). */
  PURSUE("Left Prevent (Pursue)"),
  /** The police keep the case in their own case management. */
  POLICE_MANAGED("Managed by the police"),
  /** Handed to the MAPPA arrangements, which lead (process.md §2.9). */
  MAPPA("Handed to MAPPA"),
  /** The Channel panel did not adopt the case: no further action (process.md §2.4). */
  PANEL_NO_FURTHER_ACTION("Not adopted by the panel: no further action"),
  /** The panel did not adopt the case and referred the person to health or social care (s36(6)). */
  REFERRED_TO_ALTERNATIVE_SUPPORT("Not adopted by the panel: referred to health or social care"),
  /** The panel returned the case to the police: the risk is too high for Channel (Pursue, PLP). */
  RETURNED_TO_POLICE("Returned to the police by the panel"),
  /** Transferred to another authority served here, which accepted it (docs/transfers.md; V180). */
  TRANSFERRED_TO_ANOTHER_AREA("Transferred to another area"),
  /** Transferred to an authority in England or Wales not served here, its receipt of the transfer pack recorded (V181). */
  TRANSFERRED_TO_AUTHORITY_NOT_SERVED("Transferred to an authority not served here"),
  /** The person moved to Scotland (or is released to an address there): transferred to PMAP (V181). */
  TRANSFERRED_TO_SCOTLAND("Transferred to Scotland (PMAP)"),
  /** The person is in custody, handed to prison and probation services, which support them (docs/custody.md; V220). */
  IN_CUSTODY("In custody: handed to prison and probation services"),
  /** Exited Channel, and the post-exit reviews found no concern (process.md §2.7; issue 11, V230). */
  EXITED_AFTER_REVIEWS("Exited Channel: the post-exit reviews found no concern"),
  /** The panel withdrew support after a risk escalation: the case left Prevent to the police (process.md §2.8; V240). */
  TRANSFERRED_TO_POLICE("Support withdrawn after a risk escalation: transferred to the police");

  private final String label;

  ClosureReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
