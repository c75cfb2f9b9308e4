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
    first(management.createJobDefinitionQuery().processDefinitionId(definition.getId()).list(), j -> j.getId())
        .ifPresent(id -> realIds.put("job-definition", id));
    first(history.createHistoricJobLogQuery().processInstanceId(instance).list(), j -> j.getId())
        .ifPresent(id -> realIds.put("history/job-log", id));
    first(management.createJobQuery().processInstanceId(instance).list(), j -> j.getId()).ifPresent(job -> {
      batch = management.setJobRetriesAsync(List.of(job), 3).getId(); // the retries it has: a batch that changes nothing
      realIds.put("batch", batch);
      realIds.put("history/batch", batch);
    });
  }

  /** The batch of this authority's job that the fixture made, and its history. */
  String batch;

  @AfterEach
  void theBatchRemoved() {
    if (batch != null) {
      management.deleteBatch(batch, true);
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

  static String body(String method) {
    return "POST".equals(method) || "PUT".equals(method) ? "{}" : null;
  }

  @Test
  void everyIdTakingRouteOfTheEngineRestApiAnswersAnotherAuthoritysThingAsIfItDidNotExist() {
    Figures figures = askEveryRoute("/engine-rest", (method, path) -> call(method, path, outsider, body(method)));
    assertThat(figures.oracles()).isEmpty();
    assertThat(figures.compared()).isGreaterThan(150);
  }

  @Test
  void everyIdTakingRouteOfTheWebappsEngineApiAnswersAnotherAuthoritysThingAsIfItDidNotExist() {
    Browser browser = signIn(outsider);
    assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    Figures figures = askEveryRoute("/camunda/api/engine/engine/default",
        (method, path) -> browser.request(method, path, body(method)));
    assertThat(figures.oracles()).isEmpty();
    assertThat(figures.compared()).isGreaterThan(150);
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
}
