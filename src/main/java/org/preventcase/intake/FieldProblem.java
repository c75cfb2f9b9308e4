package org.preventcase.intake;

/** One bad field of a referral: its key (a JSON path of the API body) and what to do, never the value given. */
public record FieldProblem(String field, String message) {}
