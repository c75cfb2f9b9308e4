package org.preventcase.audit;

/**
 * What was done with case data. EXPORT and NOTIFY are disclosures and name their recipient. The
 * ACCESS_ actions are changes to who may see cases: requested, approved or refused by a manager.
 * ASSIGN_TASK is a Prevent manager giving a case task to a named person (subject user = the new assignee).
 * DELETE is the retention's deletion of expired records, recorded as counts (docs/retention.md).
 */
public enum AuditAction { VIEW, CREATE, UPDATE, EXPORT, NOTIFY, AUDIT_VIEW, ACCESS_REQUEST, ACCESS_APPROVE, ACCESS_REFUSE,
  ASSIGN_TASK, DELETE }
