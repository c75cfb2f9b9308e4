package org.preventcase.retention;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.intake.ReferralIntake;

/**
 * The engine keeps a case's history while the case is open (docs/retention.md): the processes whose
 * top-level instances belong to a case (the intake, which is its own top-level instance with the case
 * reference as business key, and the case process) carry no history time-to-live, so the engine gives
 * an ended instance of theirs no removal time; {@link EngineHistoryRetention} sets it at the case's
 * closure from the authority's period. Every other process keeps the configured default.
 */
public final class CaseHistoryUntilClosure {

  /** The keys of the processes started at the top of a case, with the case reference as business key. */
  static final List<String> CASE_PROCESSES = List.of(ReferralIntake.PROCESS_KEY, PreventCase.PROCESS_KEY);

  private CaseHistoryUntilClosure() {}

  /**
   * Clears the time-to-live of every version of the case processes (the versions deployed before this
   * rule too); run after the models' deployment, before any instance starts. Returns how many changed.
   */
  public static int keep(RepositoryService repository) {
    List<ProcessDefinition> timed = repository.createProcessDefinitionQuery()
        .processDefinitionKeyIn(CASE_PROCESSES.toArray(String[]::new)).list().stream()
        .filter(definition -> definition.getHistoryTimeToLive() != null).toList();
    timed.forEach(definition -> repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), null));
    return timed.size();
  }
}
