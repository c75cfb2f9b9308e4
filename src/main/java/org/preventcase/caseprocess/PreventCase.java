package org.preventcase.caseprocess;

import java.util.Collection;
import org.camunda.bpm.engine.RuntimeService;

/** The case process (processes/case/prevent-case.bpmn): one per case and authority, business key = case reference. */
public final class PreventCase {

  public static final String PROCESS_KEY = "prevent-case";

  private PreventCase() {}

  /**
   * Whether the case's processes wait at one of these activities (of the case process or one it called): one
   * engine query, however many activities.
   */
  public static boolean waitsAt(RuntimeService runtime, String reference, String authority, Collection<String> activities) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).tenantIdIn(authority)
        .activityIdIn(activities.toArray(String[]::new)).count() > 0;
  }
}
