package org.preventcase.vocabulary;

/** Why the person is in custody (the hand-off to prison and probation services, docs/custody.md). */
public enum CustodyBasis implements FormOption {
  REMANDED("Remanded in custody, awaiting trial or sentence"),
  SENTENCED("Serving a custodial sentence"),
  RECALLED("Recalled to prison from licence"),
  YOUTH_DETENTION("Detained in youth custody");

  private final String label;

  CustodyBasis(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
