package org.preventcase.casefile;

import org.preventcase.vocabulary.FormOption;

/**
 * Why a case closed (case_file.closure_reason, V80): one value per way the case process ends, each an
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
  MAPPA("Handed to MAPPA");

  private final String label;

  ClosureReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
