package org.preventcase.casefile;

/**
 * The kinds of entry in a case record; every one is append-only. INFORMATION_SHARED is a partner
 * agency's answer to an information request (its request names it).
 */
public enum EntryKind { DECISION, ASSESSMENT, CONSENT, PLAN, REVIEW, NOTE, INFORMATION_SHARED }
