package org.preventcase.audit;

import org.preventcase.engine.ManagerAssignments;
import org.springframework.stereotype.Component;

/** A task given to a named person, written to the audit trail as ASSIGN_TASK (purpose TASK:&lt;task id&gt;). */
@Component
class AuditedManagerAssignments implements ManagerAssignments {

  private final AuditTrail audit;

  AuditedManagerAssignments(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void assigned(String managerId, String tenantId, String caseReference, String assignee, String taskId) {
    audit.record(new AuditRecord(managerId, tenantId, null, caseReference, assignee, AuditAction.ASSIGN_TASK,
        AuditOutcome.GRANTED, new Purpose(Purpose.Code.TASK, taskId), null));
  }
}
