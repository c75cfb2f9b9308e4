package org.preventcase.audit;

/**
 * Whether the access was granted, and if not why (the user is told only "not found"). REFUSED_NOT_OPEN:
 * what was asked for is only open for a time (a partner agency's information request) and has ended.
 */
public enum AuditOutcome { GRANTED, REFUSED_ROLE, REFUSED_AUTHORITY, NOT_FOUND, REFUSED_NOT_OPEN }
