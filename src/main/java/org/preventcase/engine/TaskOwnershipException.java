package org.preventcase.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.preventcase.failures.Refusal;

/** A task action refused because the task belongs to someone else; the message is for the user. */
public class TaskOwnershipException extends ProcessEngineException implements Refusal {

  private final int status;

  public TaskOwnershipException(int status, String message) {
    super(message);
    this.status = status;
  }

  @Override
  public int status() {
    return status;
  }
}
