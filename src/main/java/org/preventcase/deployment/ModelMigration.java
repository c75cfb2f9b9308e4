package org.preventcase.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.preventcase.audit.AuditAction;
import org.preventcase.audit.AuditOutcome;
import org.preventcase.audit.AuditRecord;
import org.preventcase.audit.AuditTrail;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running cases across new versions of their models (docs/modelling.md, "Models that change under
 * running cases"): {@link #migrateToLatest} moves every instance of the older versions of a process
 * to the latest with a Camunda migration plan (equal activity ids map onto each other; variables a
 * new version needs, such as a new due date, are set first); {@link #restartAt} restarts an instance
 * no plan can move at the matching point of the latest version, keeping its business key, tenant
 * and variables. Every move is audited (UPDATE, purpose PROCESS "model migration ...").
 */
@Service
public class ModelMigration {

  /** One instance moved: where from and to, for the caller's report. */
  public record Moved(String processInstanceId, String businessKey, String tenantId, int fromVersion, int toVersion) {}

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final AuditTrail audit;

  public ModelMigration(RuntimeService runtime, RepositoryService repository, AuditTrail audit) {
    this.runtime = runtime;
    this.repository = repository;
    this.audit = audit;
  }

  /** The plan from one version to another: equal activities mapped, event triggers updated. */
  public static MigrationPlan plan(RuntimeService runtime, ProcessDefinition from, ProcessDefinition to) {
    return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().updateEventTriggers().build();
  }

  /**
   * Migrates every running instance of the older versions of {@code processKey} to its latest
   * version. {@code newVariables} gives, per instance, the variables the new version needs (empty if
   * none), set before the move. Returns what moved; one failing instance stops the whole call.
   */
  @Transactional
  public List<Moved> migrateToLatest(Actor actor, String processKey,
      Function<ProcessInstance, Map<String, Object>> newVariables) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    List<Moved> moved = new ArrayList<>();
    for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion().asc().list()) {
      if (older.getVersion() >= latest.getVersion()) {
        continue;
      }
      List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list();
      if (instances.isEmpty()) {
        continue;
      }
      instances.forEach(instance -> runtime.setVariables(instance.getId(), newVariables.apply(instance)));
      runtime.newMigration(plan(runtime, older, latest))
          .processInstanceIds(instances.stream().map(ProcessInstance::getId).toList()).execute();
      for (ProcessInstance instance : instances) {
        moved.add(new Moved(instance.getId(), instance.getBusinessKey(), instance.getTenantId(), older.getVersion(),
            latest.getVersion()));
        audited(actor, instance, "model migration " + processKey + " v" + older.getVersion() + " to v"
            + latest.getVersion());
      }
    }
    return moved;
  }

  /**
   * Restarts an instance that no plan can move (an activity moved into a called process, split or
   * renamed) before {@code activityIds} of the latest version (one per token the instance had, e.g.
   * the stage it was in and an event sub-process's task), with the same business key, tenant (its
   * authorityCode start variable) and variables; the old instance is deleted without running its
   * listeners. Returns the new instance's id.
   */
  @Transactional
  public String restartAt(Actor actor, String processInstanceId, String... activityIds) {
    ProcessInstance old = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (old == null) {
      throw new IllegalArgumentException("No running process instance " + processInstanceId);
    }
    if (activityIds.length == 0) {
      throw new IllegalArgumentException("A restart names the activities to start before");
    }
    ProcessDefinition from = repository.getProcessDefinition(old.getProcessDefinitionId());
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(from.getKey())
        .latestVersion().singleResult();
    Map<String, Object> variables = new java.util.LinkedHashMap<>(runtime.getVariables(processInstanceId));
    variables.put("authorityCode", old.getTenantId());
    org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder start = runtime.createProcessInstanceById(latest.getId())
        .businessKey(old.getBusinessKey()).setVariables(variables);
    for (String activityId : activityIds) {
      start.startBeforeActivity(activityId);
    }
    ProcessInstance restarted = start.execute(true, true);
    String at = String.join(", ", activityIds);
    runtime.deleteProcessInstance(processInstanceId, "restarted in version " + latest.getVersion() + " at " + at,
        true, true);
    audited(actor, restarted, "model restart " + from.getKey() + " v" + from.getVersion() + " to v"
        + latest.getVersion() + " at " + at);
    return restarted.getId();
  }

  private void audited(Actor actor, ProcessInstance instance, String detail) {
    audit.record(AuditRecord.ofCase(actor.userId(), instance.getTenantId(), null, instance.getBusinessKey(),
        AuditAction.UPDATE, AuditOutcome.GRANTED,
        new Purpose(Purpose.Code.PROCESS, detail.substring(0, Math.min(detail.length(), Purpose.MAX_DETAIL)))));
  }
}
