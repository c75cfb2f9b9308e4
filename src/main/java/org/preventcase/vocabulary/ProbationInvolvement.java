package org.preventcase.vocabulary;

/** Whether the Probation Service (or the youth justice service) manages the person in custody and on release. */
public enum ProbationInvolvement implements FormOption {
  ALLOCATED("A probation practitioner (or youth justice worker) is allocated and has the hand-off"),
  TO_BE_ALLOCATED("Probation will allocate a practitioner before release; the prison has the hand-off"),
  NONE("No probation involvement (remand): the prison has the hand-off");

  private final String label;

  ProbationInvolvement(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
