package org.preventcase.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * No CMMN (docs/security.md): the flow is BPMN, so a deployment holding a CMMN case model is refused
 * whole, before the engine parses it. With no case model ever deployed, the engine API's CMMN routes
 * are refused outright too ({@code security.CaseModelRoutes}).
 */
class NoCaseModelsDeployer implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (deployment.getResources() == null) {
      return;
    }
    deployment.getResources().keySet().stream().filter(NoCaseModelsDeployer::isCaseModel).findFirst().ifPresent(name -> {
      throw new ProcessEngineException("Case model refused (" + name + "): CMMN is not used here; model the work in "
          + "BPMN");
    });
  }

  /** The resource names the engine would parse as CMMN. */
  static boolean isCaseModel(String resourceName) {
    return resourceName.endsWith(".cmmn") || resourceName.endsWith(".cmmn10.xml") || resourceName.endsWith(".cmmn11.xml");
  }
}
