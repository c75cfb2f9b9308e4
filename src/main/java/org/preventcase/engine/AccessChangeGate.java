package org.preventcase.engine;

import java.util.List;

/**
 * Decides whether an {@link AccessChange} asked for by a signed-in user takes effect now. A change
 * that needs approval is recorded (committed) by the gate and does not happen; one that may never
 * happen is refused by throwing an exception that says why.
 */
public interface AccessChangeGate {

  boolean takesEffectNow(AccessChange change, String requestedBy, List<String> requesterGroups);
}
