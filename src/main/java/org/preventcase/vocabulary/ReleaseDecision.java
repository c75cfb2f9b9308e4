package org.preventcase.vocabulary;

/** The review of a case held while the person is in custody (variable releaseDecision). */
public enum ReleaseDecision implements FormOption {
  STILL_IN_CUSTODY("Still in custody: keep holding the case and review it again"),
  SCREEN_AGAIN("Released, or release is near: screen the case again"),
  CLOSE("Close the case: no Prevent role on release");

  private final String label;

  ReleaseDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
