package org.preventcase.vocabulary;

/** The police screener's answer to a possible match (process.md §2.8): never merged automatically. */
public enum MatchDecision implements FormOption {
  SAME_PERSON("The same person: link the referral to the matched case"),
  DIFFERENT_PERSON("A different person: open a new case");

  private final String label;

  MatchDecision(String label) { this.label = label; }

  @Override public String label() { return label; }
}
