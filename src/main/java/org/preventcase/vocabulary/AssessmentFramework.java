package org.preventcase.vocabulary;

/** The framework of the panel's multi-agency assessment (process.md §3). */
public enum AssessmentFramework implements FormOption {
  VAF("Vulnerability Assessment Framework"),
  PAF("Prevent Assessment Framework"),
  LOCAL("A local framework");

  private final String label;

  AssessmentFramework(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
