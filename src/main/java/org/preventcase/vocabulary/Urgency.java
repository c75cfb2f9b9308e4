package org.preventcase.vocabulary;

/** Whether the referrer saw immediate risk (and has called 999 first), process.md §2.1 and §4 E. */
public enum Urgency implements FormOption {
  ROUTINE("Routine: no immediate risk", 50),
  IMMEDIATE_RISK("Immediate risk: 999 has been called", 100);

  private final String label;
  private final int taskPriority;

  Urgency(String label, int taskPriority) {
    this.label = label;
    this.taskPriority = taskPriority;
  }

  /** The priority of the police tasks of a referral: 50 is the engine's default, 100 the top of every queue. */
  public int taskPriority() {
    return taskPriority;
  }

  @Override
  public String label() {
    return label;
  }
}
