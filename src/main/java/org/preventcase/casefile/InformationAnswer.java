package org.preventcase.casefile;

import java.util.List;
import org.preventcase.vocabulary.InformationFactor;
import org.preventcase.vocabulary.InformationHeld;

/**
 * A partner agency's answer to its information request: what it holds, the risk and vulnerability
 * facts it holds information about, and what it shares, as written.
 */
public record InformationAnswer(InformationHeld held, List<InformationFactor> factors, String shared) {

  public InformationAnswer {
    if (held == null) {
      throw new IllegalArgumentException("An answer says what the agency holds");
    }
    factors = factors == null ? List.of() : List.copyOf(factors);
    shared = shared == null || shared.isBlank() ? null : shared;
  }
}
