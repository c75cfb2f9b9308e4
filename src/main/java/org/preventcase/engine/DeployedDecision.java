package org.preventcase.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * A decision table deployed with the very process that evaluates it (not simply its latest version:
 * a case keeps the rules of the models it runs on), evaluated by the decision service.
 */
public final class DeployedDecision {

  private DeployedDecision() {}

  /** The single output of the decision {@code key} of the calling process's deployment, for these inputs. */
  public static String singleEntry(DelegateExecution execution, String key, Map<String, Object> inputs) {
    ProcessEngineServices engine = execution.getProcessEngineServices();
    String deployment = engine.getRepositoryService().getProcessDefinition(execution.getProcessDefinitionId())
        .getDeploymentId();
    DecisionDefinition table = engine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(deployment)
        .decisionDefinitionKey(key).singleResult();
    if (table == null) {
      throw new IllegalStateException("The decision " + key + " was not deployed with the process that evaluates it");
    }
    return engine.getDecisionService().evaluateDecisionById(table.getId()).variables(inputs).evaluate()
        .getSingleResult().getSingleEntry();
  }
}
