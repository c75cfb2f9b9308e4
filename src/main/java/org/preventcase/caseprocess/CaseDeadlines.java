package org.preventcase.caseprocess;

/** The names of the case process's deadlines in prevent.deadlines.durations; the model reads {@code <name>DueAt}. */
public final class CaseDeadlines {

  public static final String SCREENING = "screening";

  private CaseDeadlines() {}
}
