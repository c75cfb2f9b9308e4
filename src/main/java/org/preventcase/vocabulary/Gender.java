package org.preventcase.vocabulary;

/** The person's gender as the referrer records it (process.md §4 A, §6.6). */
public enum Gender implements FormOption {
  MALE("Male"),
  FEMALE("Female"),
  OTHER("Another gender"),
  NOT_KNOWN("Not known");

  private final String label;

  Gender(String label) { this.label = label; }

  @Override public String label() { return label; }
}
