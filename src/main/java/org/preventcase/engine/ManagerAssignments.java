package org.preventcase.engine;

/**
 * Where {@link TaskOwnershipPlugin} reports a task given to a named person by a Prevent manager, so
 * that the engine package needs nothing of the audit trail (the audit package implements it).
 */
public interface ManagerAssignments {

  /** {@code managerId} gave the task {@code taskId} of the case {@code caseReference} (may be null) to {@code assignee}. */
  void assigned(String managerId, String tenantId, String caseReference, String assignee, String taskId);
}
