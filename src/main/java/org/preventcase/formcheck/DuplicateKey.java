package org.preventcase.formcheck;

/** A submitted JSON value (a form-js list) that gives this key twice in one object: refused, never collapsed. */
public record DuplicateKey(String key) {}
