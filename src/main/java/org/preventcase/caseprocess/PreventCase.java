package org.preventcase.caseprocess;

/** The case process (processes/case/prevent-case.bpmn): one per case and authority, business key = case reference. */
public final class PreventCase {

  public static final String PROCESS_KEY = "prevent-case";

  private PreventCase() {}
}
