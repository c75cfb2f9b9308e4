package org.preventcase.models;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * For the migration test of every process a change touches (docs/modelling.md): deploys the
 * previous version of a model (kept under src/test/resources/processes-previous/, same relative
 * path as under processes/) and then the current one, puts instances of the previous version at
 * its wait states, and removes the deployments afterwards.
 */
public final class ModelVersions implements AutoCloseable {

  private final ProcessEngine engine;
  private final List<String> deployments = new ArrayList<>();

  public ModelVersions(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * processes/case/prevent-case.bpmn is read from processes-previous/case/prevent-case.bpmn; the
   * forms (and any process it calls) are deployed with it. Returns the model's definition.
   */
  public ProcessDefinition deployPrevious(String model, String... forms) {
    return deploy(model, "processes-previous/" + model.substring("processes/".length()), forms);
  }

  public ProcessDefinition deployCurrent(String model, String... forms) {
    return deploy(model, model, forms);
  }

  private ProcessDefinition deploy(String name, String resource, String... forms) {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("model-versions");
    builder.addInputStream(name, read(resource));
    for (String form : forms) {
      builder.addInputStream(form, read(form));
    }
    String id = builder.deploy().getId();
    deployments.add(id);
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id)
        .processDefinitionResourceName(name).singleResult();
  }

  /** An instance of {@code definition} waiting at these activities (started before each, listeners skipped). */
  public ProcessInstance waitingAt(ProcessDefinition definition, String businessKey, Map<String, Object> variables,
      String... activityIds) {
    ProcessInstantiationBuilder start = engine.getRuntimeService().createProcessInstanceById(definition.getId())
        .businessKey(businessKey).setVariables(variables);
    for (String activityId : activityIds) {
      start.startBeforeActivity(activityId);
    }
    return start.execute(true, true);
  }

  private static InputStream read(String resource) {
    InputStream stream = ModelVersions.class.getClassLoader().getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalArgumentException("No resource " + resource + " on the test classpath");
    }
    return stream;
  }

  @Override
  public void close() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
  }
}
