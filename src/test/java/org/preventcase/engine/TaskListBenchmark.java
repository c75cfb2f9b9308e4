package org.preventcase.engine;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: measures, on PostgreSQL, Tasklist's own call as a police Prevent officer (the
 * webapps' {@code POST /camunda/api/engine/engine/default/filter/{id}/list} of the police filter, as
 * HAL with its count and card variables, in a signed-in session) and the engine REST task query (no
 * count, HTTP Basic), first with the few open tasks the application starts with, then with
 * {@code bench.open-tasks} (default 30,000) more made by the engine itself (a test model's
 * multi-instance user task, four in five offered to the police, the rest to an agency). Reports p50
 * and p99, asserts nothing. Runs only with the bench profile: ./mvnw verify -Pbench -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TaskListBenchmark. Report: stdout and
 * target/bench/task-list.txt.
 */
class TaskListBenchmark extends ApplicationIT {

  static final int CALLS = 100;
  static final int WARM_UP = 10;
  static final int PER_INSTANCE = 500;
  /** What Tasklist sends for a filter's first page: its default sorting and the card variables' names. */
  static final String TASKLIST_BODY = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true,\
      "variableNames":["caseRef","urgencyLabel","concernTypeLabel","ageBandLabel","referralId"]}""";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;
  @Value("${spring.flyway.url}") String ownerUrl;
  @Value("${spring.flyway.user}") String owner;
  @Value("${spring.flyway.password}") String ownerPassword;

  @Test
  void reportTasklistsCallAndTheTaskQueryAsOpenTasksGrow() throws IOException, java.sql.SQLException {
    int openTasks = Integer.getInteger("bench.open-tasks", 30_000);
    String filter = filters.createFilterQuery().filterName(Role.POLICE_PREVENT_OFFICER.displayName()).singleResult().getId();
    Browser police = signIn("demo-police");
    police.get("/camunda/app/tasklist/default/");
    Supplier<HttpResponse<String>> tasklist = () -> police.request("POST",
        "/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15", TASKLIST_BODY,
        "application/hal+json");
    Supplier<HttpResponse<String>> taskQuery = () -> call("GET", "/engine-rest/task?firstResult=0&maxResults=15",
        "demo-police", null);

    long before = tasks.createTaskQuery().count();
    Figures few = new Figures(before, measure(tasklist), measure(taskQuery));

    String deployment = repository.createDeployment().name("task-list-benchmark")
        .addClasspathResource("processes-test/many-open-tasks.bpmn").deploy().getId();
    long seeding = System.nanoTime();
    for (int made = 0; made < openTasks; made += PER_INSTANCE) {
      String group = made % (5 * PER_INSTANCE) == 4 * PER_INSTANCE ? Role.PANEL_MEMBER_EDUCATION.groupId()
          : Role.POLICE_PREVENT_OFFICER.groupId();
      runtime.startProcessInstanceByKey(TaskListAtScaleIT.FIXTURE, Map.of("openTasks", Math.min(PER_INSTANCE,
          openTasks - made), "offeredTo", group));
    }
    double seeded = (System.nanoTime() - seeding) / 1e9;
    TaskListAtScaleIT.analyse(ownerUrl, owner, ownerPassword); // the statistics autovacuum keeps in service
    Figures many = new Figures(tasks.createTaskQuery().count(), measure(tasklist), measure(taskQuery));

    String report = """
        Tasklist's call as a police Prevent officer (filter list with count and card variables, webapps API, session)
        and the engine REST task query (no count, HTTP Basic), PostgreSQL %s, %d calls each after %d warm-up calls:
          open tasks        Tasklist p50   Tasklist p99   task query p50   task query p99
          %-16d  %8.1f ms    %8.1f ms     %8.1f ms      %8.1f ms
          %-16d  %8.1f ms    %8.1f ms     %8.1f ms      %8.1f ms
        (%d open tasks made by the engine in %.0f s; %d authorization rows at the end)
        """.formatted(jdbc.queryForObject("SHOW server_version", String.class), CALLS, WARM_UP,
        few.openTasks(), few.tasklist()[0], few.tasklist()[1], few.taskQuery()[0], few.taskQuery()[1],
        many.openTasks(), many.tasklist()[0], many.tasklist()[1], many.taskQuery()[0], many.taskQuery()[1],
        openTasks, seeded, jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization", Long.class));
    System.out.println(report);
    Path out = Path.of("target", "bench", "task-list.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    TaskListAtScaleIT.removeFixture(runtime, repository, deployment); // the other benchmarks share the database
  }

  record Figures(long openTasks, double[] tasklist, double[] taskQuery) {}

  /** p50 and p99 in milliseconds. */
  private static double[] measure(Supplier<HttpResponse<String>> call) {
    for (int i = 0; i < WARM_UP; i++) {
      answered(call.get());
    }
    long[] samples = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      answered(call.get());
      samples[i] = System.nanoTime() - start;
    }
    Arrays.sort(samples);
    return new double[] {samples[CALLS / 2] / 1e6, samples[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6};
  }

  private static void answered(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the call was refused: " + response.statusCode() + " " + response.body());
    }
  }
}
