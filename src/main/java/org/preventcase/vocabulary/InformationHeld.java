package org.preventcase.vocabulary;

/** What a partner agency holds about the person it was asked about (its answer to an information request). */
public enum InformationHeld implements FormOption {
  RELEVANT("We hold information relevant to the concern"),
  NOTHING_RELEVANT("The person is known to us, but we hold nothing relevant"),
  NOT_KNOWN("The person is not known to us");

  private final String label;

  InformationHeld(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
