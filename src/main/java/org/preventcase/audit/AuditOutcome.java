package org.preventcase.audit;

/** Whether the access was granted, and if not why (the user is told only "not found"). */
public enum AuditOutcome { GRANTED, REFUSED_ROLE, REFUSED_AUTHORITY, NOT_FOUND }
