package org.preventcase.vocabulary;

/** An answer to one of the national form's process questions (process.md §4 D). */
public enum Answer implements FormOption {
  YES("Yes"),
  NO("No"),
  NOT_KNOWN("Not known");

  private final String label;

  Answer(String label) { this.label = label; }

  @Override public String label() { return label; }
}
