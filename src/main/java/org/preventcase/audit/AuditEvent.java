package org.preventcase.audit;

import java.time.OffsetDateTime;

/** One row of the audit trail as a manager sees it. */
public record AuditEvent(long id, OffsetDateTime at, String userId, String authorityCode, String caseReference,
    String subjectUserId, String action, String outcome, String purposeCode, String purposeDetail, String recipient) {}
