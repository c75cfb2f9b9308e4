package org.preventcase.casefile;

import java.time.Instant;
import java.util.Optional;

/**
 * A case's legal hold as it now stands, for what follows a change (the engine's history removal time):
 * the case's authority and reference, whether a hold is in force, and when the case closed (empty while
 * it is open). No case data.
 */
public record LegalHold(String authorityCode, String reference, boolean inForce, Optional<Instant> closedAt) {

  /** The longest reason kept (case_legal_hold.reason). */
  public static final int REASON_MAX = 500;
}
