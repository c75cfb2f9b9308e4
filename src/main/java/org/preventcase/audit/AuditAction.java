package org.preventcase.audit;

/** What was done with case data. EXPORT and NOTIFY are disclosures and name their recipient. */
public enum AuditAction { VIEW, CREATE, UPDATE, EXPORT, NOTIFY, AUDIT_VIEW }
