package org.preventcase.casefile;

import java.util.List;

/**
 * A case moving to another authority served here (docs/transfers.md): who receives it, why (in
 * words), and the sending case's due dates still to come, in words ("Review the adopted case: 14
 * January 2027"), which the receiving case record keeps.
 */
public record CaseTransfer(String receivingAuthorityCode, String receivingAuthorityName, String reason,
    List<String> remainingDueDates) {

  public CaseTransfer {
    remainingDueDates = remainingDueDates == null ? List.of() : List.copyOf(remainingDueDates);
  }
}
