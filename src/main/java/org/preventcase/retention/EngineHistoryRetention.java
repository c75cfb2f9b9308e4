package org.preventcase.retention;

import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.SetRemovalTimeSelectModeForHistoricProcessInstancesBuilder;
import org.preventcase.casefile.CaseEvents;
import org.preventcase.casefile.LegalHold;
import org.preventcase.engine.AsUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's history of a case follows its record (docs/retention.md): when the case closes, every
 * top-level process instance with the case's reference as business key (the case process, and the
 * intake, which is its own top-level instance) and everything they called get the removal time of the
 * case record (closure plus the authority's period); a legal hold clears it, so the night's history
 * cleanup keeps that history; lifting the hold sets it again for a closed case. An open case's history
 * has no removal time, held or not ({@link CaseHistoryUntilClosure}). A batch of the engine does the
 * work, after the commit.
 */
@Component
class EngineHistoryRetention {

  private final HistoryService history;
  private final IdentityService identity;
  private final RetentionProperties retention;

  EngineHistoryRetention(HistoryService history, IdentityService identity, RetentionProperties retention) {
    this.history = history;
    this.identity = identity;
    this.retention = retention;
  }

  @EventListener
  void closed(CaseEvents.Closed closed) {
    follow(closed.state());
  }

  @EventListener
  void holdChanged(CaseEvents.HoldChanged changed) {
    follow(changed.state());
  }

  private void follow(LegalHold state) {
    AsUser.asEngine(identity, () -> {
      HistoricProcessInstanceQuery instances = history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(state.reference()).tenantIdIn(state.authorityCode()).rootProcessInstances();
      if (instances.count() == 0) {
        return null;
      }
      SetRemovalTimeSelectModeForHistoricProcessInstancesBuilder removal = history
          .setRemovalTimeToHistoricProcessInstances();
      var chosen = state.closedAt().filter(closed -> !state.inForce())
          .map(closed -> removal.absoluteRemovalTime(Date.from(retention.caseExpiry(state.authorityCode(), closed))))
          .orElseGet(removal::clearedRemovalTime);
      return chosen.byQuery(instances).hierarchical().executeAsync();
    });
  }
}
