package org.preventcase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preventcase.app.ApplicationIT;
import org.preventcase.security.Role;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasklist's task list at scale (issue 17 item 1): thousands of open tasks made by the engine itself
 * (a test model's multi-instance user task), most offered to the police Prevent officers, the rest to
 * an agency. The police filter lists and counts exactly the tasks offered to the police, the engine
 * REST task query shows each group its own and a manager all, a revoke still hides a task; and the
 * count, as the engine runs it, is work linear in the tables, not the join of every task to every
 * authorization row that made it quadratic; the filter's first page is read from an index in the filter's
 * order. Plan tests, not timed ones: the timings are the benchmark's (docs/performance.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListAtScaleIT extends ApplicationIT {

  static final String FIXTURE = "test-many-open-tasks";
  static final int POLICE_TASKS = 2000;
  static final int AGENCY_TASKS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((String|Integer|Long|Boolean)\\)(?:, |$)");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Value("${spring.flyway.url}") String ownerUrl;
  @Value("${spring.flyway.user}") String owner;
  @Value("${spring.flyway.password}") String ownerPassword;

  String deployment;
  String policeFilter;
  long policeTasksBefore;

  @BeforeAll
  void thousandsOfOpenTasksMadeByTheEngine() throws SQLException {
    policeFilter = filters.createFilterQuery().filterName(Role.POLICE_PREVENT_OFFICER.displayName()).singleResult().getId();
    policeTasksBefore = asPolice(() -> filters.count(policeFilter));
    deployment = repository.createDeployment().name("task-list-at-scale")
        .addClasspathResource("processes-test/many-open-tasks.bpmn").deploy().getId();
    for (int made = 0; made < POLICE_TASKS; made += 500) {
      runtime.startProcessInstanceByKey(FIXTURE, Map.of("openTasks", 500, "offeredTo", Role.POLICE_PREVENT_OFFICER.groupId()));
    }
    for (int made = 0; made < AGENCY_TASKS; made += 500) {
      runtime.startProcessInstanceByKey(FIXTURE, Map.of("openTasks", 500, "offeredTo", Role.PANEL_MEMBER_EDUCATION.groupId()));
    }
    analyse(ownerUrl, owner, ownerPassword);
  }

  /** Brings the task tables' planner statistics up to date now, as autovacuum would soon (the schema owner's right). */
  static void analyse(String url, String owner, String password) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, owner, password);
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE act_ru_task, act_ru_identitylink, act_ru_authorization, act_re_procdef");
    }
  }

  @AfterAll
  void theFixtureRemovedWithItsHistory() {
    removeFixture(runtime, repository, deployment);
  }

  /**
   * The fixture's instances one at a time (the engine orders a transaction's deletions by their
   * references, slower than linear in them), then its deployment with their history.
   */
  static void removeFixture(RuntimeService runtime, RepositoryService repository, String deployment) {
    for (var instance : runtime.createProcessInstanceQuery().deploymentId(deployment).list()) {
      runtime.deleteProcessInstance(instance.getId(), "fixture removed", true, true);
    }
    repository.deleteDeployment(deployment, true, true);
  }

  @Test
  void thePoliceFilterListsAndCountsExactlyTheTasksOfferedToThePolice() throws Exception {
    assertThat(asPolice(() -> filters.count(policeFilter))).isEqualTo(policeTasksBefore + POLICE_TASKS);

    HttpResponse<String> list = call("POST", "/engine-rest/filter/" + policeFilter + "/list?firstResult=0&maxResults=15",
        "demo-police", "{}");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode page = JSON.readTree(list.body());
    assertThat(page).hasSize(15);
    for (JsonNode task : page) {
      assertThat(tasks.getIdentityLinksForTask(task.get("id").asText())).as(task.toString())
          .anyMatch(link -> Role.POLICE_PREVENT_OFFICER.groupId().equals(link.getGroupId()));
    }
    assertThat(call("GET", "/engine-rest/filter/" + policeFilter + "/count", "demo-police", null).body())
        .isEqualTo("{\"count\":" + (policeTasksBefore + POLICE_TASKS) + "}");
  }

  @Test
  void eachGroupSeesItsOwnTasksAUserGrantAddsOneAndAManagerSeesAll() {
    assertThat(fixtureTaskCount("demo-police")).isEqualTo(POLICE_TASKS);
    assertThat(fixtureTaskCount("demo-panel-education")).isEqualTo(AGENCY_TASKS);
    assertThat(fixtureTaskCount("demo-panel-health")).isZero();
    assertThat(fixtureTaskCount("demo-manager")).isEqualTo(POLICE_TASKS + AGENCY_TASKS);

    String granted = theOfficersOwn(Authorization.AUTH_TYPE_GRANT, Role.PANEL_MEMBER_EDUCATION);
    try {
      assertThat(fixtureTaskCount("demo-police")).isEqualTo(POLICE_TASKS + 1);
    } finally {
      authorizations.deleteAuthorization(granted);
    }
    assertThat(fixtureTaskCount("demo-police")).isEqualTo(POLICE_TASKS);
  }

  /** A revoke in force switches the engine to its own revoke-aware check, where the user's revoke beats the group's grant. */
  @Test
  void aRevokeOfOneTaskHidesItFromTheOfficer() {
    String revoked = theOfficersOwn(Authorization.AUTH_TYPE_REVOKE, Role.POLICE_PREVENT_OFFICER);
    try {
      assertThat(fixtureTaskCount("demo-police")).isEqualTo(POLICE_TASKS - 1);
      assertThat(asPolice(() -> filters.count(policeFilter))).isEqualTo(policeTasksBefore + POLICE_TASKS - 1);
    } finally {
      authorizations.deleteAuthorization(revoked);
    }
    assertThat(fixtureTaskCount("demo-police")).isEqualTo(POLICE_TASKS);
  }

  /**
   * The rows every step of the count's plan handled (EXPLAIN ANALYZE of the statement the engine ran,
   * with its parameters): a small multiple of the rows of the tables it reads. Joining every police
   * task to every police authorization row handled millions here (2,000 × 2,000).
   */
  @Test
  void countingThePoliceTasksIsWorkLinearInTheTables() throws Exception {
    String[] statement = statementAsRun("selectTaskCountByQueryCriteria", () -> filters.count(policeFilter));
    assertThat(statement[0]).doesNotContain("AUTH ON");
    long tableRows;
    try (Connection connection = DriverManager.getConnection(ownerUrl, owner, ownerPassword);
        Statement sizes = connection.createStatement(); ResultSet row = sizes.executeQuery("SELECT "
            + "(SELECT count(*) FROM act_ru_task) + (SELECT count(*) FROM act_ru_identitylink) "
            + "+ (SELECT count(*) FROM act_ru_authorization)")) {
      row.next();
      tableRows = row.getLong(1);
    }
    JsonNode plan = planOf(statement);
    assertThat(rowsHandled(plan)).as(plan.toPrettyString()).isLessThan(10 * tableRows);
  }

  /**
   * The police filter's first page, as Tasklist asks for it (the filter's order, priority then due date, and
   * Tasklist's own after it, the newest first): read from the task list's index in that order (V260), checked task
   * by task and stopped at the page's end, with no sort of every task the police may see (made last, the agency's
   * tasks are the newest, passed over before the police's). The candidate criterion
   * is an EXISTS, so no task comes twice: the whole list has every police task once.
   */
  @Test
  void thePoliceFiltersFirstPageIsReadInItsOrderWithoutSortingEveryTask() throws Exception {
    String[] statement = statementAsRun("selectTaskByQueryCriteria", () -> filters.listPage(policeFilter,
        tasks.createTaskQuery().active().orderByTaskCreateTime().desc(), 0, 15));
    assertThat(statement[0]).containsIgnoringCase("order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc, RES.CREATE_TIME_ desc")
        .doesNotContain("distinct").contains(PlannedPerCall.MARK);
    JsonNode plan = planOf(statement);
    List<JsonNode> taskScans = nodes(plan).stream().filter(node -> "act_ru_task".equals(node.path("Relation Name").asText())).toList();
    assertThat(taskScans).as(plan.toPrettyString()).singleElement()
        .satisfies(scan -> assertThat(scan.path("Index Name").asText()).isEqualTo("prevent_idx_task_list_order"))
        // the newest tasks are the agency's, which it passes over, then it stops at the page's fifteenth police task
        .satisfies(scan -> assertThat(scan.path("Actual Rows").asLong()).isLessThan(AGENCY_TASKS + 100));
    assertThat(nodes(plan)).as(plan.toPrettyString()).noneMatch(node -> node.path("Node Type").asText().contains("Sort"));

    List<String> everyPoliceTask = asPolice(() -> filters.<Task>list(policeFilter))
        .stream().map(Task::getId).toList();
    assertThat(everyPoliceTask).doesNotHaveDuplicates().hasSize((int) (policeTasksBefore + POLICE_TASKS));
  }

  /**
   * The task list and count are planned for each call's values: run again and again on one connection (one
   * transaction), they never become a server-side prepared statement, which PostgreSQL may plan once for any values
   * (its generic plan sorted every police task before the first page), while another engine query run as often does.
   */
  @Test
  void theTaskListAndCountArePlannedForEachCallsValues() {
    List<String> prepared = transactions.execute(status -> {
      for (int call = 0; call < 8; call++) {
        asPolice(() -> filters.listPage(policeFilter, 0, 15));
        asPolice(() -> filters.count(policeFilter));
        repository.createProcessDefinitionQuery().processDefinitionKey(FIXTURE).list();
      }
      return jdbc.queryForList("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql", String.class);
    });
    assertThat(prepared).anyMatch(statement -> statement.contains("ACT_RE_PROCDEF"))
        .noneMatch(statement -> statement.contains("from ACT_RU_TASK RES") || statement.contains(PlannedPerCall.MARK));
  }

  /** The plan PostgreSQL runs the statement by, with its parameters (EXPLAIN ANALYZE). */
  private JsonNode planOf(String[] statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(ownerUrl, owner, ownerPassword);
        PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + statement[0])) {
      bind(explain, statement[1]);
      try (ResultSet row = explain.executeQuery()) {
        row.next();
        return JSON.readTree(row.getString(1)).get(0).get("Plan");
      }
    }
  }

  /** The plan's node and every node under it. */
  private static List<JsonNode> nodes(JsonNode node) {
    List<JsonNode> all = new ArrayList<>(List.of(node));
    node.path("Plans").forEach(child -> all.addAll(nodes(child)));
    return all;
  }

  /**
   * The groups holding authorizations, which the engine reads in every command that checks them: the
   * same groups as the engine's own statement, found in a few index steps per group, not by reading
   * the thousands of rows the open tasks hold.
   */
  @Test
  void theGroupsHoldingAuthorizationsAreFoundWithoutReadingEveryRow() throws Exception {
    String statement = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSqlSessionFactory().getConfiguration().getMappedStatement(TaskQueryAuthorizationPlugin.NAMESPACE
            + ".selectAuthorizedGroupIds").getBoundSql(null).getSql();
    try (Connection connection = DriverManager.getConnection(ownerUrl, owner, ownerPassword);
        Statement query = connection.createStatement()) {
      List<String> found = new ArrayList<>();
      try (ResultSet rows = query.executeQuery(statement)) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      List<String> every = new ArrayList<>();
      long authorizationRows;
      try (ResultSet rows = query.executeQuery("SELECT DISTINCT group_id_ FROM act_ru_authorization WHERE group_id_ IS NOT NULL")) {
        while (rows.next()) {
          every.add(rows.getString(1));
        }
      }
      try (ResultSet rows = query.executeQuery("SELECT count(*) FROM act_ru_authorization")) {
        rows.next();
        authorizationRows = rows.getLong(1);
      }
      assertThat(found).containsExactlyInAnyOrderElementsOf(every).contains(Role.POLICE_PREVENT_OFFICER.groupId());
      JsonNode plan;
      try (ResultSet row = query.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + statement)) {
        row.next();
        plan = JSON.readTree(row.getString(1)).get(0).get("Plan");
      }
      assertThat(authorizationRows).isGreaterThan(POLICE_TASKS + AGENCY_TASKS);
      assertThat(rowsHandled(plan)).as(plan.toPrettyString()).isLessThan(20L * every.size() + 20);
    }
  }

  /** The statement and its parameters as the engine logged them while doing the work (as the police). */
  private String[] statementAsRun(String statement, Runnable work) {
    Logger logger = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity." + statement);
    Logger ours = (Logger) LoggerFactory.getLogger(TaskQueryAuthorizationPlugin.NAMESPACE + "." + statement);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    for (Logger statementLogger : List.of(logger, ours)) {
      statementLogger.addAppender(log);
      statementLogger.setLevel(Level.DEBUG);
    }
    try {
      asPolice(() -> {
        work.run();
        return null;
      });
    } finally {
      for (Logger statementLogger : List.of(logger, ours)) {
        statementLogger.detachAppender(log);
        statementLogger.setLevel(null);
      }
    }
    String sql = null;
    String parameters = null;
    for (ILoggingEvent event : log.list) {
      String message = event.getFormattedMessage();
      if (message.contains("Preparing:")) {
        sql = message.substring(message.indexOf("Preparing:") + "Preparing:".length()).strip();
      } else if (message.contains("Parameters:")) {
        parameters = message.substring(message.indexOf("Parameters:") + "Parameters:".length()).strip();
      }
    }
    assertThat(sql).as("the statement " + statement + " was logged").isNotNull();
    return new String[] {sql, parameters == null ? "" : parameters};
  }

  /** MyBatis logs parameters as {@code value(Type), value(Type)}. */
  private static void bind(PreparedStatement statement, String parameters) throws SQLException {
    Matcher parameter = PARAMETER.matcher(parameters);
    int index = 1;
    while (parameter.find() && !parameter.group().isEmpty()) {
      String value = parameter.group(1);
      switch (parameter.group(2)) {
        case "Integer" -> statement.setInt(index++, Integer.parseInt(value));
        case "Long" -> statement.setLong(index++, Long.parseLong(value));
        case "Boolean" -> statement.setBoolean(index++, Boolean.parseBoolean(value));
        default -> statement.setString(index++, value);
      }
    }
  }

  /** Every plan node's rows (kept and removed by its filters), times its loops, summed over the plan. */
  private static long rowsHandled(JsonNode node) {
    long rows = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
        + node.path("Rows Removed by Join Filter").asLong()) * Math.max(1, node.path("Actual Loops").asLong());
    for (JsonNode child : node.path("Plans")) {
      rows += rowsHandled(child);
    }
    return rows;
  }

  /** demo-police's own grant (or revoke) of reading the first fixture task offered to the role's group. */
  private String theOfficersOwn(int type, Role offeredTo) {
    String task = tasks.createTaskQuery().processDefinitionKey(FIXTURE).taskCandidateGroup(offeredTo.groupId())
        .listPage(0, 1).get(0).getId();
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setUserId("demo-police");
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(task);
    if (type == Authorization.AUTH_TYPE_GRANT) {
      authorization.addPermission(Permissions.READ);
    } else {
      authorization.removePermission(Permissions.READ);
    }
    return authorizations.saveAuthorization(authorization).getId();
  }

  /** Tasks of the fixture the user reads through the engine REST API (its task count). */
  private long fixtureTaskCount(String user) {
    HttpResponse<String> count = call("GET", "/engine-rest/task/count?processDefinitionKey=" + FIXTURE, user, null);
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    return Long.parseLong(count.body().replaceAll("\\D", ""));
  }

  private <T> T asPolice(java.util.function.Supplier<T> work) {
    identity.setAuthentication("demo-police", List.of(Role.POLICE_PREVENT_OFFICER.groupId()), List.of("E06000031"));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
