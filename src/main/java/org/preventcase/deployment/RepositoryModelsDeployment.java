package org.preventcase.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.preventcase.database.ClusterJobs;
import org.preventcase.formcheck.FormSchema;
import org.preventcase.retention.CaseHistoryUntilClosure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model in processes/ and every form in forms/ as one deployment when the engine
 * starts. Resources are named by their path relative to those folders' parent (the same under
 * `java -jar` and `spring-boot:run`), and duplicate filtering means an unchanged set creates
 * nothing while any change creates one new deployment holding everything, so that deployment-bound
 * forms, decisions and called processes always travel together. Instances starting at once deploy in
 * turn under a database lock (docs/scale-out.md): the second finds the set deployed and the case
 * processes' time-to-live cleared, where it would otherwise fail on the first's concurrent update.
 */
@Component
public class RepositoryModelsDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "prevent-case-engine";
  /** The deployment's advisory lock: "MODEL" in ASCII. */
  static final long LOCK = 0x4D4F44454CL;
  private static final Logger LOG = LoggerFactory.getLogger(RepositoryModelsDeployment.class);
  private static final String[] PATTERNS = {
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"};

  private final ClusterJobs cluster;

  public RepositoryModelsDeployment(ClusterJobs cluster) {
    this.cluster = cluster;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, byte[]> resources = modelResources();
    int kept = cluster.inTurn(LOCK, () -> {
      deploy(engine, resources);
      // before the first instance starts: a case's history waits for its closure (docs/retention.md)
      return CaseHistoryUntilClosure.keep(engine.getRepositoryService());
    });
    if (kept > 0) {
      LOG.info("Case processes: {} definitions keep their history until the case closes", kept);
    }
  }

  /**
   * Deploys this set of resources, or nothing when the set is unchanged; returns the deployment id.
   * A form the server could not check as form-js does is refused first ({@link FormSchema#parse}).
   */
  static String deploy(ProcessEngine engine, Map<String, byte[]> resources) {
    resources.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        FormSchema.parse(content);
      }
    });
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("repository")
        .enableDuplicateFiltering(false);
    resources.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
    // with duplicate filtering an unchanged set returns the existing deployment
    String id = deployment.deploy().getId();
    LOG.info("Models and forms: {} resources in deployment {}", resources.size(), id);
    return id;
  }

  /** Relative name ("processes/intake/referral-intake.bpmn") to content, in a stable order. */
  static Map<String, byte[]> modelResources() {
    Map<String, byte[]> resources = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          String name = relativeName(resource.getURL().toString());
          try (InputStream in = resource.getInputStream()) {
            resources.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the models and forms", e);
    }
    if (resources.isEmpty()) {
      throw new IllegalStateException("No models found under processes/ on the classpath");
    }
    return resources;
  }

  static String relativeName(String url) {
    int processes = url.lastIndexOf("/processes/");
    int forms = url.lastIndexOf("/forms/");
    int start = Math.max(processes, forms);
    if (start < 0) {
      throw new IllegalStateException("Not a model or form resource: " + url);
    }
    return url.substring(start + 1);
  }
}
