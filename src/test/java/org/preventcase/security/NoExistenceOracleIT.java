package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No existence oracles (issue 16 item 1), on every id-taking route of the engine REST API and of the
 * webapps' engine API, enumerated from the OpenAPI document Camunda ships: a police officer of another
 * authority asks about a real thing of this authority (its case process instance, task, execution,
 * variable, job, incident, definition, deployment, history, a filter, user, group, tenant,
 * authorization) and about an invented id; both answers must be the same, status and body.
 */
class NoExistenceOracleIT extends ApplicationIT {

  static final String OTHER_AUTHORITY = "E99000001";
  static final String AUTHORITY = "E06000031";
  static final String INVENTED = "a1b2c3d4-0000-4000-8000-00000000abcd";
  private static final Pattern PARAMETER = Pattern.compile("\\{([^/}]+)}");

  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired org.camunda.bpm.engine.ExternalTaskService externalTasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  String outsider;
  /** The real id of one thing of this authority per route root (the part of the template before its first id). */
  Map<String, String> realIds;

  @BeforeEach
  void anOfficerOfAnotherAuthorityAndACaseOfThisOne() {
    if (identity.createTenantQuery().tenantId(OTHER_AUTHORITY).count() == 0) {
      identity.saveTenant(identity.newTenant(OTHER_AUTHORITY));
    }
    outsider = "test-outsider-" + Long.toString(System.nanoTime(), 36);
    User user = identity.newUser(outsider);
    user.setFirstName("Kai");
    user.setLastName("Merrow");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(outsider, Role.POLICE_PREVENT_OFFICER.groupId());
    identity.createTenantUserMembership(OTHER_AUTHORITY, outsider);

    HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", ReferralExamples.submitFormBody(ReferralExamples.valid("Orc" + System.nanoTime())));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String reference = started.body().replaceFirst(".*\"businessKey\":\"([^\"]+)\".*", "$1");
    // the case's gateway (called by its case process) holds the police's first task
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(org.preventcase.gateway.Gateway.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult().getId();
    String screening = tasks.createTaskQuery().processInstanceId(instance).list().get(0).getExecutionId();
    runtime.createIncident("test-incident", screening, "configuration"); // on the execution at the screening task
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(PreventCase.PROCESS_KEY)
        .latestVersion().singleResult();

    realIds = new HashMap<>();
    realIds.put("task", tasks.createTaskQuery().processInstanceId(instance).list().get(0).getId());
    realIds.put("process-instance", instance);
    realIds.put("history/process-instance", instance);
    realIds.put("execution", instance);
    realIds.put("process-definition", definition.getId());
    realIds.put("history/process-definition", definition.getId());
    realIds.put("process-definition/key", definition.getKey());
    realIds.put("deployment", definition.getDeploymentId());
    realIds.put("incident", runtime.createIncidentQuery().processInstanceId(instance).list().get(0).getId());
    realIds.put("filter", filters.createFilterQuery().filterName(Role.REFERRER.displayName()).singleResult().getId());
    realIds.put("user", "demo-coordinator");
    realIds.put("group", Role.PREVENT_MANAGER.groupId());
    realIds.put("tenant", "E06000031");
    realIds.put("authorization", authorizations.createAuthorizationQuery().groupIdIn(Role.PREVENT_MANAGER.groupId())
        .list().get(0).getId());
    first(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).list(), v -> v.getId())
        .ifPresent(id -> realIds.put("variable-instance", id));
    first(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list(), v -> v.getId())
        .ifPresent(id -> realIds.put("history/variable-instance", id));
    first(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list(), a -> a.getId())
        .ifPresent(id -> realIds.put("history/activity-instance", id));
    first(history.createUserOperationLogQuery().processInstanceId(instance).list(), o -> o.getOperationId())
        .ifPresent(id -> realIds.put("history/user-operation", id));
    first(management.createJobQuery().processInstanceId(instance).list(), j -> j.getId())
        .ifPresent(id -> realIds.put("job", id));
    first(management.createJobQuery().processInstanceId(instance).list(), j -> j.getJobDefinitionId())
        .ifPresent(id -> realIds.put("job-definition", id)); // the screening's timer
    first(history.createHistoricJobLogQuery().processInstanceId(instance).list(), j -> j.getId())
        .ifPresent(id -> realIds.put("history/job-log", id));
    first(management.createJobQuery().processInstanceId(instance).list(), j -> j.getId()).ifPresent(job -> {
      batch = management.setJobRetriesAsync(List.of(job), 3).getId(); // the retries it has: a batch that changes nothing
      realIds.put("batch", batch);
      realIds.put("history/batch", batch);
    });
    thingsTheModelsNeverMake(instance);
  }

  /** The deployment of decision tables and an external task for this authority, which processes/ never holds. */
  String fixture;
  /** History rows written for the instance, by table, that history level activity never writes. */
  final Map<String, String> writtenHistory = new TreeMap<>();

  /**
   * Things of this authority the repository's models and history level never make, so that every
   * id-taking route has a real thing to ask about: decision tables (two, so their requirements
   * definition is kept) and an external task (test models, deployed for this authority only), and
   * the history of level full (job log, user operation, variable instance and detail, decision
   * instance, external task log), written as the engine writes it, with synthetic values.
   */
  void thingsTheModelsNeverMake(String instance) {
    fixture = repository.createDeployment().name("existence-oracle-fixture").tenantId(AUTHORITY)
        .addClasspathResource("processes-test/oracle-decisions.dmn")
        .addClasspathResource("processes-test/oracle-external-work.bpmn").deploy().getId();
    org.camunda.bpm.engine.repository.DecisionDefinition decision = repository.createDecisionDefinitionQuery()
        .deploymentId(fixture).decisionDefinitionKey("test-oracle-first").singleResult();
    realIds.put("decision-definition", decision.getId());
    realIds.put("decision-definition/key", decision.getKey());
    realIds.put("decision-requirements-definition", decision.getDecisionRequirementsDefinitionId());
    realIds.put("decision-requirements-definition/key", decision.getDecisionRequirementsDefinitionKey());
    realIds.put("history/decision-requirements-definition", decision.getDecisionRequirementsDefinitionId());
    String work = runtime.startProcessInstanceByKey("test-oracle-external-work").getId();
    org.camunda.bpm.engine.externaltask.ExternalTask externalTask = externalTasks.createExternalTaskQuery()
        .processInstanceId(work).singleResult();
    realIds.put("external-task", externalTask.getId());
    realIds.put("metrics", "activity-instance-start"); // engine-wide: asked like a thing, answered alike

    ProcessInstanceFacts facts = jdbc.queryForObject("SELECT proc_def_id_, proc_def_key_, root_proc_inst_id_ FROM "
        + "act_hi_procinst WHERE id_ = ?", (row, n) -> new ProcessInstanceFacts(row.getString(1), row.getString(2),
        row.getString(3)), instance);
    String job = realIds.getOrDefault("job", "test-oracle-job");
    String variable = written("act_hi_varinst", "history/variable-instance", """
        INSERT INTO act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_,
          name_, var_type_, create_time_, rev_, text_, tenant_id_, state_)
        VALUES (?, ?, ?, ?, ?, ?, 'oracleMarker', 'string', now(), 0, 'synthetic', ?, 'CREATED')""",
        facts.key(), facts.definition(), facts.root(), instance, instance, AUTHORITY);
    written("act_hi_detail", "history/detail", """
        INSERT INTO act_hi_detail (id_, type_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
          execution_id_, var_inst_id_, name_, var_type_, rev_, time_, text_, sequence_counter_, tenant_id_, initial_)
        VALUES (?, 'VariableUpdate', ?, ?, ?, ?, ?, ?, 'oracleMarker', 'string', 0, now(), 'synthetic', 1, ?, true)""",
        facts.key(), facts.definition(), facts.root(), instance, instance, variable, AUTHORITY);
    written("act_hi_job_log", "history/job-log", """
        INSERT INTO act_hi_job_log (id_, timestamp_, job_id_, job_retries_, job_priority_, job_exception_msg_, job_state_,
          execution_id_, root_proc_inst_id_, process_instance_id_, process_def_id_, process_def_key_, sequence_counter_,
          tenant_id_)
        VALUES (?, now(), ?, 0, 0, 'synthetic failure', 2, ?, ?, ?, ?, ?, 1, ?)""",
        job, instance, facts.root(), instance, facts.definition(), facts.key(), AUTHORITY);
    String operation = "test-oracle-operation-" + Long.toString(System.nanoTime(), 36);
    writtenHistory.put("act_hi_op_log", jdbc.queryForObject("""
        INSERT INTO act_hi_op_log (id_, proc_def_id_, proc_def_key_, root_proc_inst_id_, proc_inst_id_, execution_id_,
          user_id_, timestamp_, operation_type_, operation_id_, entity_type_, property_, new_value_, tenant_id_, category_)
        VALUES (?, ?, ?, ?, ?, ?, 'demo-police', now(), 'SetJobRetries', ?, 'ProcessInstance', 'retries', '3', ?, 'Operator')
        RETURNING id_""", String.class, "test-oracle-" + Long.toString(System.nanoTime(), 36), facts.definition(),
        facts.key(), facts.root(), instance, instance, operation, AUTHORITY));
    realIds.put("history/user-operation", operation);
    written("act_hi_decinst", "history/decision-instance", """
        INSERT INTO act_hi_decinst (id_, dec_def_id_, dec_def_key_, dec_def_name_, eval_time_, dec_req_id_, dec_req_key_,
          tenant_id_)
        VALUES (?, ?, ?, 'First fixture decision', now(), ?, ?, ?)""",
        decision.getId(), decision.getKey(), decision.getDecisionRequirementsDefinitionId(),
        decision.getDecisionRequirementsDefinitionKey(), AUTHORITY);
    written("act_hi_ext_task_log", "history/external-task-log", """
        INSERT INTO act_hi_ext_task_log (id_, timestamp_, ext_task_id_, retries_, topic_name_, priority_, error_msg_,
          act_id_, execution_id_, proc_inst_id_, root_proc_inst_id_, proc_def_id_, proc_def_key_, tenant_id_, state_)
        VALUES (?, now(), ?, 0, 'test-oracle', 0, 'synthetic failure', 'Task_DoExternalWork', ?, ?, ?, ?, ?, ?, 2)""",
        externalTask.getId(), externalTask.getExecutionId(), work, work, externalTask.getProcessDefinitionId(),
        externalTask.getProcessDefinitionKey(), AUTHORITY);
  }

  record ProcessInstanceFacts(String definition, String key, String root) {}

  /** Inserts one history row under a fresh id (the first parameter) and makes it the real thing of its route root. */
  String written(String table, String root, String insert, Object... values) {
    String id = "test-oracle-" + Long.toString(System.nanoTime(), 36);
    Object[] parameters = new Object[values.length + 1];
    parameters[0] = id;
    System.arraycopy(values, 0, parameters, 1, values.length);
    jdbc.update(insert, parameters);
    writtenHistory.put(table, id);
    realIds.put(root, id);
    return id;
  }

  /** The batch of this authority's job that the fixture made, and its history. */
  String batch;

  @AfterEach
  void theBatchTheFixtureAndItsHistoryRemoved() {
    if (batch != null) {
      management.deleteBatch(batch, true);
    }
    writtenHistory.forEach((table, id) -> jdbc.update("DELETE FROM " + table + " WHERE id_ = ?", id));
    if (fixture != null) {
      repository.deleteDeployment(fixture, true);
    }
  }

  static <T> Optional<String> first(List<T> list, java.util.function.Function<T, String> id) {
    return list.stream().map(id).findFirst();
  }

  /** What the test found, per API: routes compared, answered not found, and routes with no thing to ask about. */
  record Figures(int compared, int notFound, Map<String, Integer> withoutFixture, List<String> oracles) {}

  Figures askEveryRoute(String prefix, BiFunction<String, String, HttpResponse<String>> as) {
    int compared = 0;
    int notFound = 0;
    int reads = 0;
    Map<String, Integer> withoutFixture = new TreeMap<>();
    List<String> oracles = new ArrayList<>();
    for (EngineRoutes.Route route : EngineRoutes.fromOpenApi().routes()) {
      String root = route.template().substring(1, route.template().indexOf('{') - 1);
      String real = realIds.get(root);
      for (String method : route.methods()) {
        if (real == null) {
          withoutFixture.merge(root, 1, Integer::sum);
          continue;
        }
        HttpResponse<String> aboutReal = as.apply(method, prefix + path(route.template(), real));
        HttpResponse<String> aboutNothing = as.apply(method, prefix + path(route.template(), INVENTED));
        compared++;
        reads += "GET".equals(method) ? 1 : 0;
        String realAnswer = answer(aboutReal, real);
        String inventedAnswer = answer(aboutNothing, INVENTED);
        if (!realAnswer.equals(inventedAnswer)) {
          oracles.add(method + " " + route.template() + "\n  real:     " + realAnswer + "\n  invented: " + inventedAnswer);
        } else if (aboutReal.statusCode() == 404) {
          notFound++;
        }
      }
    }
    Figures figures = new Figures(compared, notFound, withoutFixture, oracles);
    System.out.println("Existence oracles under " + prefix + ": " + figures.compared() + " id-taking operations compared, "
        + figures.notFound() + " answered 404 alike, " + figures.oracles().size() + " differing (" + reads
        + " of them cross-tenant reads, GET); without a thing to ask "
        + "about: " + figures.withoutFixture());
    return figures;
  }

  /** Status and body, the id asked about and the moment of Spring's own error pages left out. */
  static String answer(HttpResponse<String> response, String id) {
    return response.statusCode() + " " + response.body().replace(id, "{id}").replaceAll("\"timestamp\":\"[^\"]*\",?", "");
  }

  /** The template with its first parameter the id asked about and the others fixed values. */
  String path(String template, String id) {
    Matcher parameter = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    boolean first = true;
    while (parameter.find()) {
      parameter.appendReplacement(path, Matcher.quoteReplacement(first ? id : other(parameter.group(1))));
      first = false;
    }
    return parameter.appendTail(path).toString();
  }

  static String other(String name) {
    return switch (name) {
      case "varName" -> "referralId";
      case "userId" -> "demo-coordinator";
      case "groupId" -> Role.PREVENT_MANAGER.groupId();
      case "tenant-id" -> "E06000031";
      default -> "x";
    };
  }

  /** Every id-taking operation EngineRoutes knows (the OpenAPI document's and those beyond it). */
  static int operations() {
    return EngineRoutes.fromOpenApi().routes().stream().mapToInt(route -> route.methods().size()).sum();
  }

  static String body(String method) {
    return "POST".equals(method) || "PUT".equals(method) ? "{}" : null;
  }

  @Test
  void everyIdTakingRouteOfTheEngineRestApiAnswersAnotherAuthoritysThingAsIfItDidNotExist() {
    Figures figures = askEveryRoute("/engine-rest", (method, path) -> call(method, path, outsider, body(method)));
    assertThat(figures.oracles()).isEmpty();
    assertThat(figures.withoutFixture()).as("id-taking operations with no real thing to ask about").isEmpty();
    assertThat(figures.compared()).isEqualTo(operations());
  }

  @Test
  void everyIdTakingRouteOfTheWebappsEngineApiAnswersAnotherAuthoritysThingAsIfItDidNotExist() {
    Browser browser = signIn(outsider);
    assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    Figures figures = askEveryRoute("/camunda/api/engine/engine/default",
        (method, path) -> browser.request(method, path, body(method)));
    assertThat(figures.oracles()).isEmpty();
    assertThat(figures.withoutFixture()).as("id-taking operations with no real thing to ask about").isEmpty();
    assertThat(figures.compared()).isEqualTo(operations());
  }

  /** A Prevent manager of the other authority: Cockpit's plugins answer only those who may open Cockpit. */
  String managerOfAnotherAuthority() {
    String manager = "test-outside-manager-" + Long.toString(System.nanoTime(), 36);
    User user = identity.newUser(manager);
    user.setFirstName("Isolde");
    user.setLastName("Pennick");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(manager, Role.PREVENT_MANAGER.groupId());
    identity.createTenantUserMembership(OTHER_AUTHORITY, manager);
    return manager;
  }

  /**
   * The webapps' own APIs (Cockpit's, Tasklist's, Admin's and Welcome's resources and plugins, read
   * from the running webapps by {@link WebappRoutes}): each id-taking route asked about a real thing of
   * this authority and about an invented id by a manager of the other authority. The walk of the
   * webapps' engine API also proves {@link EngineRoutes} knows every id-taking engine route (the
   * OpenAPI document's and those beyond it), CMMN's aside.
   */
  @Test
  void everyIdTakingRouteOfTheWebappsOwnApisAnswersAnotherAuthoritysThingAsIfItDidNotExist() {
    Browser cockpit = signIn(managerOfAnotherAuthority());
    assertThat(cockpit.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200); // and its CSRF token
    Set<String> documented = EngineRoutes.fromOpenApi().routes().stream()
        .map(route -> PARAMETER.matcher(route.template()).replaceAll("{}")).collect(Collectors.toSet());
    String engineApi = "/camunda/api/engine/engine/{name}";
    List<WebappRoutes.Route> routes = new ArrayList<>();
    List<String> undocumented = new ArrayList<>();
    for (String prefix : WebappRoutes.APPLICATIONS.keySet()) {
      for (WebappRoutes.Route route : WebappRoutes.of(prefix)) {
        boolean engine = route.template().startsWith(engineApi);
        if (!route.takesAnId() || (engine && documented.contains(
            PARAMETER.matcher(route.plain().substring(engineApi.length())).replaceAll("{}")))) {
          continue;
        }
        if (engine) {
          undocumented.add(route.method() + " " + route.plain());
          continue;
        }
        routes.add(route);
      }
    }
    int compared = 0;
    Map<String, Integer> withoutFixture = new TreeMap<>();
    List<String> oracles = new ArrayList<>();
    for (WebappRoutes.Route route : routes) {
      String template = route.plain().replace("{engine}", "default").replace("{name}", "default");
      String root = template.substring(template.indexOf("/default/") + "/default/".length(), template.indexOf('{') - 1);
      String real = realIds.get(root);
      if (real == null) {
        withoutFixture.merge(root, 1, Integer::sum);
        continue;
      }
      String aboutReal = answer(cockpit.request(route.method(), path(template, real), body(route.method())), real);
      String aboutNothing = answer(cockpit.request(route.method(), path(template, INVENTED), body(route.method())),
          INVENTED);
      compared++;
      // a thing this user may read through the engine API (managers read every shared model) may be told apart
      boolean mayRead = cockpit.get(engineApi.replace("{name}", "default") + "/" + root + "/" + real).statusCode() == 200;
      if (!aboutReal.equals(aboutNothing) && !mayRead) {
        oracles.add(route.method() + " " + template + "\n  real:     " + aboutReal + "\n  invented: " + aboutNothing);
      }
    }
    System.out.println("Existence oracles on the webapps' own APIs: " + routes.size() + " id-taking operations, "
        + compared + " compared, " + oracles.size() + " differing; engine routes beyond the OpenAPI document and "
        + "EngineRoutes: " + undocumented.size() + " (CMMN); without a thing to ask about: " + withoutFixture);
    assertThat(undocumented).as("engine routes EngineRoutes does not know (CMMN's aside: no CMMN model is deployed)")
        .allSatisfy(route -> assertThat(route).matches("[A-Z]+ " + Pattern.quote(engineApi) + "/(history/)?case-.*"));
    assertThat(oracles).isEmpty();
    assertThat(withoutFixture).isEmpty();
    assertThat(compared).isEqualTo(routes.size()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aRefusedChangeToWhatTheUserMaySeeKeepsItsRefusal() {
    String instance = realIds.get("process-instance");
    assertThat(call("DELETE", "/engine-rest/process-instance/" + instance, "demo-manager", null).statusCode())
        .isEqualTo(403);
    HttpResponse<String> outsiders = call("DELETE", "/engine-rest/process-instance/" + instance, outsider, null);
    HttpResponse<String> invented = call("DELETE", "/engine-rest/process-instance/" + INVENTED, outsider, null);
    assertThat(outsiders.statusCode()).isEqualTo(invented.statusCode()).isNotEqualTo(403);
    assertThat(answer(outsiders, instance)).isEqualTo(answer(invented, INVENTED));
  }

  /**
   * The fixture is real: a Prevent manager of this authority reads each kind of thing the routes are
   * asked about through its own read route (200), so an answer "as if it did not exist" is the oracle's
   * work, not an empty fixture.
   */
  @Test
  void theFixtureHoldsARealThingOfEveryKindTheRoutesAskAbout() {
    for (String read : List.of("decision-definition/%s", "decision-requirements-definition/%s", "external-task/%s",
        "history/decision-instance/%s", "history/external-task-log/%s", "history/variable-instance/%s",
        "history/detail/%s")) {
      String root = read.substring(0, read.length() - 3);
      String path = "/engine-rest/" + read.formatted(realIds.get(root));
      HttpResponse<String> answer = call("GET", path, "demo-manager", null);
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    }
    assertThat(call("GET", "/engine-rest/history/user-operation?operationId=" + realIds.get("history/user-operation"),
        "demo-manager", null).body()).contains(realIds.get("history/user-operation"));
    assertThat(call("GET", "/engine-rest/history/job-log?processInstanceId=" + realIds.get("process-instance"),
        "demo-manager", null).body()).contains(realIds.get("history/job-log"));
  }

  static final Pattern ID_PARAMETER = Pattern.compile("^(?:super|sub|root)?([a-zA-Z]+?)(Id|Ids|IdIn|Key|KeyIn)$");

  /** The real thing a query parameter names (processInstanceId, taskIdIn, decisionDefinitionKey...), if the fixture has one. */
  Optional<String> thingNamedBy(String parameter) {
    Matcher name = ID_PARAMETER.matcher(parameter);
    if (!name.matches()) {
      return Optional.empty();
    }
    String root = name.group(1).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)
        + (name.group(2).startsWith("Key") ? "/key" : "");
    return Optional.ofNullable(realIds.getOrDefault(root, realIds.get("history/" + root)));
  }

  /**
   * Ids in query parameters (issue 16 item 1): every list and count of the engine REST API (its GET
   * routes without a path id, from the OpenAPI document), each query parameter that names a thing
   * ({@code ?processInstanceId=}, {@code ?taskId=}, {@code ?processDefinitionKey=}...) given a real
   * thing of this authority and an invented id by the officer of the other authority: the answers
   * must be the same, status and body.
   */
  @Test
  void everyIdInAQueryParameterOfTheEngineRestApiIsAnsweredAsIfTheThingDidNotExist() throws Exception {
    com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(getClass().getResourceAsStream(EngineRoutes.DOCUMENT)).path("paths");
    int compared = 0;
    List<String> oracles = new ArrayList<>();
    for (java.util.Iterator<String> templates = paths.fieldNames(); templates.hasNext(); ) {
      String template = templates.next();
      if (template.contains("{")) {
        continue;
      }
      for (com.fasterxml.jackson.databind.JsonNode parameter : paths.path(template).path("get").path("parameters")) {
        String name = parameter.path("name").asText();
        Optional<String> real = "query".equals(parameter.path("in").asText()) ? thingNamedBy(name) : Optional.empty();
        if (real.isEmpty()) {
          continue;
        }
        String aboutReal = answer(call("GET", "/engine-rest" + template + "?" + name + "=" + real.get(), outsider, null),
            real.get());
        String aboutNothing = answer(call("GET", "/engine-rest" + template + "?" + name + "=" + INVENTED, outsider, null),
            INVENTED);
        compared++;
        if (!aboutReal.equals(aboutNothing) && !seenUnasked(template, real.get())) {
          oracles.add("GET " + template + "?" + name + "\n  real:     " + aboutReal + "\n  invented: " + aboutNothing);
        }
      }
    }
    System.out.println("Existence oracles in query parameters of the engine REST API: " + compared
        + " lists and counts asked by an id, " + oracles.size() + " differing");
    assertThat(oracles).isEmpty();
    assertThat(compared).isGreaterThan(200);
  }

  /**
   * Whether the officer reads this id anyway in the list itself, unfiltered: the shared deployment of
   * the models holds the referral intake, which every practitioner may read (with its deployment id),
   * so a list filtered by that deployment tells them nothing new.
   */
  boolean seenUnasked(String template, String id) {
    return call("GET", "/engine-rest" + template.replaceFirst("/count$", ""), outsider, null).body().contains(id);
  }

  /**
   * Cockpit's incident and process instance lists (its plugin API, which the webapps call with ids in
   * query parameters and bodies): every parameter of their queries that names a thing, asked by a
   * manager of the other authority about a real thing of this authority and about an invented id.
   */
  @Test
  void cockpitsIncidentAndInstanceListsAnswerAnotherAuthoritysIdsAsIfTheyDidNotExist() throws Exception {
    Browser cockpit = signIn(managerOfAnotherAuthority());
    assertThat(cockpit.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    Map<String, String> lists = Map.of(
        "/camunda/api/cockpit/plugin/base/default/incident", "org.camunda.bpm.cockpit.impl.plugin.base.dto.query.IncidentQueryDto",
        "/camunda/api/cockpit/plugin/base/default/process-instance",
        "org.camunda.bpm.cockpit.impl.plugin.base.dto.query.ProcessInstanceQueryDto");
    int compared = 0;
    List<String> oracles = new ArrayList<>();
    for (Map.Entry<String, String> list : lists.entrySet()) {
      for (String name : queryParameters(Class.forName(list.getValue()))) {
        Optional<String> real = thingNamedBy(name);
        if (real.isEmpty()) {
          continue;
        }
        boolean many = name.endsWith("In");
        for (String route : List.of(list.getKey(), list.getKey() + "/count")) {
          String realValue = many ? "[\"" + real.get() + "\"]" : "\"" + real.get() + "\"";
          String inventedValue = many ? "[\"" + INVENTED + "\"]" : "\"" + INVENTED + "\"";
          List<String[]> asked = List.of(
              new String[] {answer(cockpit.request("GET", route + "?" + name + "=" + real.get(), null), real.get()),
                  answer(cockpit.request("GET", route + "?" + name + "=" + INVENTED, null), INVENTED)},
              new String[] {answer(cockpit.request("POST", route, "{\"" + name + "\": " + realValue + "}"), real.get()),
                  answer(cockpit.request("POST", route, "{\"" + name + "\": " + inventedValue + "}"), INVENTED)});
          for (String[] answers : asked) {
            compared++;
            if (!answers[0].equals(answers[1])) {
              oracles.add(route + " " + name + "\n  real:     " + answers[0] + "\n  invented: " + answers[1]);
            }
          }
        }
      }
    }
    System.out.println("Existence oracles in Cockpit's incident and instance lists: " + compared + " asked, "
        + oracles.size() + " differing");
    assertThat(oracles).isEmpty();
    assertThat(compared).isGreaterThanOrEqualTo(8);
  }

  /** The query parameters a Cockpit query DTO takes: its setters' {@code @CamundaQueryParam} names. */
  static List<String> queryParameters(Class<?> query) {
    List<String> names = new ArrayList<>();
    for (java.lang.reflect.Method setter : query.getMethods()) {
      org.camunda.bpm.engine.rest.dto.CamundaQueryParam parameter =
          setter.getAnnotation(org.camunda.bpm.engine.rest.dto.CamundaQueryParam.class);
      if (parameter != null) {
        names.add(parameter.value());
      }
    }
    return names;
  }

  /**
   * No CMMN (docs/security.md): no CMMN model is ever deployed, so every CMMN route of the engine REST
   * API and of the webapps' engine API that names a case thing or changes one (read from the running
   * webapps' engine API, {@link WebappRoutes}) answers 404 {@code cmmn-not-used}, the same for any id and
   * anyone; its lists answer empty.
   */
  @Test
  void everyCmmnRouteIsRefusedOutrightWhateverTheIdAndWhoeverAsks() {
    String engineApi = "/camunda/api/engine/engine/{name}";
    List<WebappRoutes.Route> cmmn = WebappRoutes.of("/camunda/api/engine").stream()
        .filter(route -> route.plain().matches(Pattern.quote(engineApi) + "/(history/)?case-.*")).toList();
    Browser officer = signIn(outsider);
    assertThat(officer.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    int refused = 0;
    int idTaking = 0;
    List<String> answered = new ArrayList<>();
    for (WebappRoutes.Route route : cmmn) {
      String tail = route.plain().substring(engineApi.length());
      if (!CaseModelRoutes.refused(route.method(), tail)) {
        HttpResponse<String> list = call(route.method(), "/engine-rest" + tail, "demo-manager", body(route.method()));
        assertThat(list.body()).as(route.method() + " " + tail).isIn("[]", "{\"count\":0}");
        continue;
      }
      idTaking += route.takesAnId() ? 1 : 0;
      for (String id : List.of(INVENTED, "another-id")) {
        String path = path(tail, id);
        for (HttpResponse<String> answer : List.of(call(route.method(), "/engine-rest" + path, "demo-admin",
            body(route.method())), call(route.method(), "/engine-rest" + path, outsider, body(route.method())),
            officer.request(route.method(), "/camunda/api/engine/engine/default" + path, body(route.method())))) {
          if (answer.statusCode() != 404 || !answer.body().contains("cmmn-not-used")) {
            answered.add(route.method() + " " + path + " -> " + answer.statusCode() + " " + answer.body());
          }
        }
      }
      refused++;
    }
    System.out.println("CMMN routes: " + cmmn.size() + ", " + refused + " refused outright (" + idTaking
        + " of them id-taking), the rest lists and counts answering empty");
    assertThat(answered).isEmpty();
    assertThat(idTaking).isGreaterThanOrEqualTo(49);
  }
}
