package org.preventcase.audit;

/** One row to append to the audit trail; the database stamps the time. */
public record AuditRecord(String userId, String authorityCode, Long caseId, String caseReference,
    String subjectUserId, AuditAction action, AuditOutcome outcome, Purpose purpose, String recipient) {

  public static AuditRecord ofCase(String userId, String authorityCode, Long caseId, String caseReference,
      AuditAction action, AuditOutcome outcome, Purpose purpose) {
    return new AuditRecord(userId, authorityCode, caseId, caseReference, null, action, outcome, purpose, null);
  }

  public AuditRecord withRecipient(String recipient) {
    return new AuditRecord(userId, authorityCode, caseId, caseReference, subjectUserId, action, outcome, purpose, recipient);
  }
}
