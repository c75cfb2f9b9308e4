package org.preventcase.vocabulary;

/** Whether the referrer saw immediate risk (and has called 999 first), process.md §2.1 and §4 E. */
public enum Urgency implements FormOption {
  ROUTINE("Routine: no immediate risk", "Routine", 50),
  IMMEDIATE_RISK("Immediate risk: 999 has been called", "Immediate risk", 100);

  private final String label;
  private final String word;
  private final int taskPriority;

  Urgency(String label, String word, int taskPriority) {
    this.label = label;
    this.word = word;
    this.taskPriority = taskPriority;
  }

  /** The urgency in a word or two, as a Tasklist card and a task form show it. */
  public String word() {
    return word;
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
