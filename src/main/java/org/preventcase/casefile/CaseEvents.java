package org.preventcase.casefile;

/**
 * What the case service tells the rest of the application as a case changes, published in the
 * transaction of the change (Spring application events, read by synchronous listeners): references,
 * codes and times only, never case data.
 */
public final class CaseEvents {

  private CaseEvents() {}

  /** The case closed for this reason; {@code state} says whether a legal hold is in force. */
  public record Closed(LegalHold state, ClosureReason reason) {}

  /** A legal hold was placed on the case or lifted. */
  public record HoldChanged(LegalHold state) {}
}
