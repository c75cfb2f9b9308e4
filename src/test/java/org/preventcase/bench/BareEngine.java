package org.preventcase.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.preventcase.deadline.Deadlines;
import org.preventcase.gateway.GatewayDeadlines;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;

/**
 * The benchmark's yardstick: a bare Camunda 7.24 engine on a database of its own, running the project's own
 * models (every file of processes/ and forms/) with no-op delegates: each delegate and listener the models
 * name does nothing, but for the few facts the flow itself needs to reach the screening (the match's route,
 * the case process started, its owner group, the screening's deadlines). The engine's settings that shape its
 * work are the application's: history level activity, authorizations on (one row per task and candidate
 * group), UUIDs. No job executor.
 */
final class BareEngine implements AutoCloseable {

  static final String INTAKE = "referral-intake";
  private static final Pattern DELEGATES = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

  private final ProcessEngine engine;

  BareEngine(String url, String user, String password) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcUrl(url);
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword(password);
    configuration.setJdbcMaxActiveConnections(10);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("activity");
    configuration.setHistoryTimeToLive("P400D"); // as the application's default (models carry none)
    configuration.setAuthorizationEnabled(true);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(beans());
    engine = configuration.buildProcessEngine();
    deploy();
  }

  ProcessEngine engine() {
    return engine;
  }

  /** A referral's start as the application's start listener leaves it: the referral's facts, no personal data. */
  void refer(String caseRef) {
    engine.getRuntimeService().startProcessInstanceByKey(INTAKE, Map.ofEntries(
        Map.entry("referralId", 1L),
        Map.entry(IntakeVariables.CASE_REF, caseRef),
        Map.entry(IntakeVariables.TASK_PRIORITY, 50),
        Map.entry(IntakeVariables.CONCERN_TYPE, "EXTREME_RIGHT_WING"),
        Map.entry(IntakeVariables.CONCERN_TYPE_LABEL, "Extreme right-wing"),
        Map.entry(IntakeVariables.URGENCY, "ROUTINE"),
        Map.entry(IntakeVariables.URGENCY_LABEL, "Routine"),
        Map.entry(IntakeVariables.REFERRER_SECTOR, "EDUCATION"),
        Map.entry(IntakeVariables.REFERRER_SECTOR_LABEL, "Education"),
        Map.entry(IntakeVariables.AGE_BAND, "AGE_15_17"),
        Map.entry(IntakeVariables.AGE_BAND_LABEL, "15 to 17")));
  }

  /** Every delegate and listener the models name, doing nothing but what the flow needs to go on. */
  private static Map<Object, Object> beans() {
    Map<Object, Object> beans = new HashMap<>();
    Noop noop = new Noop();
    modelFiles().stream().filter(file -> file.toString().endsWith(".bpmn")).forEach(file -> {
      Matcher named = DELEGATES.matcher(read(file));
      while (named.find()) {
        beans.put(named.group(1), noop);
      }
    });
    beans.put("matchKnownPerson", (JavaDelegate) execution ->
        execution.setVariable(IntakeVariables.PERSON_MATCH, "NONE"));
    beans.put("startCaseProcess", (JavaDelegate) BareEngine::startCaseProcess);
    beans.put("setCaseOwnerGroup", (ExecutionListener) execution ->
        execution.setVariable(GatewayVariables.CASE_OWNER_GROUP, Role.POLICE_PREVENT_OFFICER.groupId()));
    beans.put("setScreeningDeadlines", (ExecutionListener) execution -> {
      Instant now = Instant.now();
      execution.setVariable(GatewayVariables.SCREENING_REMINDER_AT, Date.from(now.plus(3, ChronoUnit.DAYS)));
      execution.setVariable(Deadlines.variableName(GatewayDeadlines.SCREENING), Date.from(now.plus(5, ChronoUnit.DAYS)));
    });
    return beans;
  }

  /** As the application's startCaseProcess: the case's own process, with the case's facts. */
  private static void startCaseProcess(DelegateExecution execution) {
    Map<String, Object> facts = new LinkedHashMap<>();
    IntakeVariables.CASE_FACTS.stream().filter(name -> execution.getVariable(name) != null)
        .forEach(name -> facts.put(name, execution.getVariable(name)));
    execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey("prevent-case")
        .businessKey((String) execution.getVariable(IntakeVariables.CASE_REF)).setVariables(facts).execute();
  }

  private void deploy() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-engine");
    for (Path file : modelFiles()) {
      deployment.addString(file.getFileName().toString(), read(file));
    }
    deployment.deploy();
  }

  /** Every model and form of processes/ and forms/, in name order. */
  private static List<Path> modelFiles() {
    try (Stream<Path> processes = Files.walk(Path.of("processes")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
      return Stream.concat(processes, forms).filter(Files::isRegularFile)
          .filter(file -> file.toString().matches(".*\\.(bpmn|dmn|form)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Any delegate or listener, doing nothing. */
  static final class Noop implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {}

    @Override
    public void notify(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}
  }
}
