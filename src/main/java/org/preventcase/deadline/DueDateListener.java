package org.preventcase.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Sets the variable {@code <name>DueAt} (a date) from the configured deadline {@code name}, counted
 * from now; declared as a named bean per deadline ({@code Deadlines.listener("screening")}) and put
 * on the model element before the timer or task that reads it.
 */
public final class DueDateListener implements ExecutionListener {

  private final Deadlines deadlines;
  private final String name;

  DueDateListener(Deadlines deadlines, String name) {
    this.deadlines = deadlines;
    this.name = name;
  }

  public String deadlineName() {
    return name;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(Deadlines.variableName(name), deadlines.dueDate(name));
  }
}
