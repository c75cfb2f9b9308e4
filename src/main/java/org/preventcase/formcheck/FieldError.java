package org.preventcase.formcheck;

/**
 * One refused field of a form submission: its key, its label as the form shows it, and what to do in
 * plain words ("Enter the person's date of birth"), never the value given.
 */
public record FieldError(String field, String label, String message) {}
