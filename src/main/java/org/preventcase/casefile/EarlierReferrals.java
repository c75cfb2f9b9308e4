package org.preventcase.casefile;

import java.util.Map;

/**
 * Counts only: how many referrals about a case's person came before it, and how the person's earlier
 * cases closed (by reason, in the order of {@link ClosureReason}). Non-identifying facts.
 */
public record EarlierReferrals(int count, Map<ClosureReason, Integer> outcomes) {

  public EarlierReferrals {
    outcomes = Map.copyOf(outcomes);
  }

  /** "None", or the outcomes in words: "No further action (2), Signposted to another service (1)". */
  public String outcomesInWords() {
    if (outcomes.isEmpty()) {
      return "None";
    }
    return java.util.Arrays.stream(ClosureReason.values()).filter(outcomes::containsKey)
        .map(reason -> reason.label() + " (" + outcomes.get(reason) + ")")
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
