package org.preventcase.casefile;

/** The kinds of entry in a case record; every one is append-only. */
public enum EntryKind { DECISION, ASSESSMENT, CONSENT, PLAN, REVIEW, NOTE }
