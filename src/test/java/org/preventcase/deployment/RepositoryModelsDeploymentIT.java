package org.preventcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/ and forms/ travel as one deployment: unchanged files create nothing, any change one new deployment. */
class RepositoryModelsDeploymentIT extends ApplicationIT {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;

  @Test
  void everyModelAndFormIsDeployedUnderItsRelativeName() {
    String latest = repository.createDeploymentQuery().deploymentName(RepositoryModelsDeployment.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0).getId();
    assertThat(repository.getDeploymentResources(latest)).extracting(Resource::getName)
        .containsAll(RepositoryModelsDeployment.modelResources().keySet())
        .contains("processes/intake/referral-intake.bpmn", "forms/referral-intake-start.form");
  }

  @Test
  void restartingWithUnchangedFilesCreatesNothing() {
    long before = repository.createDeploymentQuery().count();
    RepositoryModelsDeployment.deploy(engine, RepositoryModelsDeployment.modelResources());
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aChangedFormCreatesOneDeploymentHoldingEveryModelAndForm() {
    Map<String, byte[]> changed = new TreeMap<>(RepositoryModelsDeployment.modelResources());
    String form = "forms/referral-screening.form";
    changed.put(form, (new String(changed.get(form), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
    long before = repository.createDeploymentQuery().count();

    String id = RepositoryModelsDeployment.deploy(engine, changed);

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
    assertThat(repository.getDeploymentResources(id)).extracting(Resource::getName)
        .containsExactlyInAnyOrderElementsOf(changed.keySet());
    // put the repository's own files back on top, as a restart would
    RepositoryModelsDeployment.deploy(engine, RepositoryModelsDeployment.modelResources());
  }
}
