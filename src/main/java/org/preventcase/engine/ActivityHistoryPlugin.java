package org.preventcase.engine;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history at level activity, less the activity instances of the flow's plumbing: gateways, plain
 * start and end events and multi-instance bodies. Those were more than half the rows of ACT_HI_ACTINST, the
 * largest table (docs/performance.md, "Database growth"), and say nothing a process instance's own history row
 * (its start and end activity), its tasks, service tasks, call activities, sub-processes, events and decisions do
 * not. Every other history event is written as the engine writes it: the engine's database handler, with this
 * filter in front, replaces the default one. The process tests' engine (camunda.cfg.xml) keeps the whole history.
 */
@Component
public class ActivityHistoryPlugin extends AbstractProcessEnginePlugin {

  /** The activity types whose instances are not kept in the engine's history. */
  static final Set<String> NOT_KEPT = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_PARALLEL,
      ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.START_EVENT, ActivityTypes.END_EVENT_NONE,
      ActivityTypes.MULTI_INSTANCE_BODY);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new WithoutPlumbing());
  }

  static final class WithoutPlumbing extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricActivityInstanceEventEntity activity) || !NOT_KEPT.contains(activity.getActivityType())) {
        super.handleEvent(event);
      }
    }
  }
}
