package org.preventcase.caseprocess;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.IntakeVariables;

/**
 * A catalogued message (docs/messages.md) sent to an open case found no process waiting for it: an
 * error that reaches a person, as a task offered to the police Prevent officers of the case's
 * authority (a standalone task, with the case reference, so it links to the case page), never only a
 * log line. The task holds the reference and the message's name, nothing else.
 */
public final class UnreceivedMessage {

  public static final String TASK_NAME = "Check the case: a message found no process";

  private UnreceivedMessage() {}

  /** Creates the police task; returns its id. */
  public static String raise(TaskService tasks, String messageName, String caseReference, String authorityCode,
      int priority) {
    Task task = tasks.newTask();
    task.setName(TASK_NAME);
    task.setDescription("The message " + messageName + " was sent to case " + caseReference
        + ", whose process is not waiting for it. Check the case and its process (Cockpit); the referral is "
        + "linked in the case record.");
    task.setTenantId(authorityCode);
    task.setPriority(priority);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), Role.POLICE_PREVENT_OFFICER.groupId());
    tasks.setVariableLocal(task.getId(), IntakeVariables.CASE_REF, caseReference);
    return task.getId();
  }
}
