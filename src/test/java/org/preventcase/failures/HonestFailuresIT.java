package org.preventcase.failures;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.engine.TaskOwnershipIT;
import org.preventcase.formcheck.FormCheckIT;
import org.preventcase.intake.ReferralExamples;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Failures that tell the truth (issue 16 item 5), on the running application: health status codes,
 * 503 with Retry-After for a database outage, 409 for a lost race, 400 for a Java-serialised value,
 * no engine internals in any error body, one log line for a client error.
 */
class HonestFailuresIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] INTERNALS = List.of("Exception", "ENGINE-", "org.camunda", "TaskEntity", "SELECT ",
      "UPDATE ", "Hikari", "postgres", "java.").toArray(String[]::new);

  @Autowired HttpCodeStatusMapper statusCodes;
  @Autowired DataSource dataSource;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @Test
  void theMailServerOutOfReachIsDegradedAndServingWhileTheDatabaseDownTakesTheApplicationOut() throws IOException {
    JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
    unreachable.setHost("localhost");
    try (ServerSocket free = new ServerSocket(0)) {
      unreachable.setPort(free.getLocalPort());
    }
    assertThat(new MailHealth(unreachable).health().getStatus()).isEqualTo(MailHealth.DEGRADED);
    assertThat(statusCodes.getStatusCode(MailHealth.DEGRADED)).isEqualTo(200);
    assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
    assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
    HttpResponse<String> health = call("GET", "/actuator/health", "demo-manager", null);
    String status = read(health).path("status").asText();
    assertThat(health.statusCode()).as(health.body()).isEqualTo(List.of("DOWN", "OUT_OF_SERVICE").contains(status) ? 503 : 200);
    assertThat(read(health).path("components").path("mail").path("status").asText()).isIn("UP", "DEGRADED");
  }

  @Test
  void aDatabaseOutageAnswers503WithRetryAfterOnPagesTheApiTheEngineRestAndTasklistsApi() throws Exception {
    Browser police = signIn("demo-police");
    List<HttpResponse<String>> answers = new ArrayList<>();
    try (Outage outage = new Outage(((HikariDataSource) dataSource).getJdbcUrl())) {
      answers.add(police.get("/cases/E06000031-2026-0001?purpose=CASE_PAGE"));
      answers.add(call("GET", "/api/cases/E06000031-2026-0001", "demo-police", null));
      answers.add(call("GET", "/engine-rest/task", "demo-police", null));
      answers.add(police.get("/camunda/api/engine/engine/default/task/count"));
    }
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).as(answer.uri().toString()).hasValue("30");
      assertThat(answer.body()).contains("unavailable").doesNotContain(INTERNALS);
    }
    awaitDatabase();
  }

  @Test
  void twoCompletionsOfOneTaskAtOnceAnswerOneSuccessAndNeverA500() throws Exception {
    String task = screeningTaskClaimedBy("demo-police");
    String done = ReferralExamples.json(Map.of("variables", Map.of("deconfliction", Map.of("value", "CLEAR"))));
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<HttpResponse<String>>> racers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      racers.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return call("POST", "/engine-rest/task/" + task + "/submit-form", "demo-police", done);
      }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (var racer : racers) {
      HttpResponse<String> answer = racer.get();
      statuses.add(answer.statusCode());
      assertThat(answer.body()).doesNotContain(INTERNALS);
    }
    assertThat(statuses).containsOnlyOnce(204).allSatisfy(status -> assertThat(status).isIn(204, 404, 409));
  }

  @Test
  void twoClaimsOfOneTaskAnswer409ToTheSecondWithoutNamingTheFirst() {
    String colleague = TaskOwnershipIT.colleague(identity);
    String task = screeningTaskClaimedBy("demo-police");
    HttpResponse<String> second = call("POST", "/engine-rest/task/" + task + "/claim", colleague,
        "{\"userId\": \"" + colleague + "\"}");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith(Problem.MEDIA_TYPE));
    assertThat(second.body()).doesNotContain("demo-police", task).doesNotContain(INTERNALS);
  }

  @Test
  void aJavaSerialisedValueIsRefusedWith400WhereverItIsSent() {
    String serialised = """
        {"value": "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA", "type": "Object",
         "valueInfo": {"objectTypeName": "java.util.HashMap", "serializationDataFormat": "application/x-java-serialized-object"}}""";
    for (String[] route : new String[][] {
        {"/engine-rest/process-definition/key/referral-intake/start", "{\"variables\": {\"payload\": " + serialised + "}}"},
        {"/engine-rest/message", "{\"messageName\": \"x\", \"processVariables\": {\"payload\": " + serialised + "}}"},
        {"/engine-rest/signal", "{\"name\": \"x\", \"variables\": {\"payload\": " + serialised + "}}"}}) {
      HttpResponse<String> refused = call("POST", route[0], "demo-referrer", route[1]);
      assertThat(refused.statusCode()).as(route[0]).isEqualTo(400);
      assertThat(read(refused).path("message").asText()).contains("Java's serialisation format are not accepted");
    }
  }

  @Test
  void errorBodiesOfTheEngineRestApiNameNoEngineInternalsSqlOrClassNames() {
    List<HttpResponse<String>> answers = List.of(
        call("GET", "/engine-rest/task/no-such-task", "demo-police", null),
        call("POST", "/engine-rest/task/no-such-task/complete", "demo-police", "{}"),
        call("GET", "/engine-rest/process-definition/key/no-such-process", "demo-police", null),
        call("POST", "/engine-rest/task", "demo-police", "{not json"),
        call("GET", "/engine-rest/no-such-route", "demo-police", null));
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.uri().toString()).isBetween(400, 499);
      assertThat(answer.headers().firstValue("Content-Type")).as(answer.uri().toString())
          .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
      assertThat(answer.body()).as(answer.uri().toString()).doesNotContain(INTERNALS)
          .doesNotContain("no-such-task", "no-such-instance", "com.fasterxml", "Jackson");
    }
  }

  @Test
  void theWebappsEngineApiAnswersALostClaimAndUnknownIdsAsHonestlyAsTheEngineRestApi() {
    String colleague = TaskOwnershipIT.colleague(identity);
    String task = screeningTaskClaimedBy("demo-police");
    Browser tasklist = signIn(colleague);
    String api = "/camunda/api/engine/engine/default";
    HttpResponse<String> second = FormCheckIT.webappPost(tasklist, api + "/task/" + task + "/claim",
        "{\"userId\": \"" + colleague + "\"}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.body()).doesNotContain("demo-police", task).doesNotContain(INTERNALS);
    List<HttpResponse<String>> answers = List.of(second,
        tasklist.get(api + "/task/no-such-task"),
        FormCheckIT.webappPost(tasklist, api + "/task/no-such-task/complete", "{}"),
        FormCheckIT.webappPost(tasklist, api + "/task", "{not json"));
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isBetween(400, 499);
      assertThat(answer.headers().firstValue("Content-Type")).as(answer.uri().toString())
          .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
      assertThat(answer.body()).as(answer.uri().toString()).doesNotContain(INTERNALS)
          .doesNotContain("no-such-task", "com.fasterxml", "Jackson");
    }
  }

  @Test
  void aClientErrorLogsOneLineAndNoStackTrace() {
    String colleague = TaskOwnershipIT.colleague(identity);
    String task = screeningTaskClaimedBy("demo-police");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try {
      assertThat(call("POST", "/engine-rest/task/" + task + "/claim", colleague, "{\"userId\": \"" + colleague + "\"}")
          .statusCode()).isEqualTo(409);
      assertThat(call("GET", "/engine-rest/task/no-such-task", "demo-police", null).statusCode()).isEqualTo(404);
    } finally {
      root.detachAppender(log);
    }
    List<ILoggingEvent> answered = log.list.stream()
        .filter(event -> event.getLoggerName().equals(EngineApiErrors.class.getName())).toList();
    assertThat(answered).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).startsWith("Engine API answered 409"))
        .anySatisfy(line -> assertThat(line).startsWith("Engine API answered 404"));
    assertThat(log.list).as("no stack trace for a client error").allSatisfy(event ->
        assertThat(event.getThrowableProxy()).as(event.getFormattedMessage()).isNull());
  }

  String screeningTaskClaimedBy(String user) {
    HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/referral-intake/submit-form",
        "demo-referrer", ReferralExamples.submitFormBody(ReferralExamples.valid("Hf" + UUID.randomUUID().toString().substring(0, 8))));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String reference = read(started).path("businessKey").asText();
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/claim", user, "{\"userId\": \"" + user + "\"}").statusCode())
        .isEqualTo(204);
    return task;
  }

  void awaitDatabase() throws InterruptedException {
    for (int attempt = 0; attempt < 40; attempt++) {
      if (call("GET", "/engine-rest/task/count", "demo-police", null).statusCode() == 200) {
        return;
      }
      Thread.sleep(250); // waiting for the pool to reconnect, not for application time
    }
    throw new AssertionError("the database did not come back");
  }

  static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  /**
   * The application role cut off from the embedded PostgreSQL: its sessions ended and new ones refused
   * (as the database superuser), until closed.
   */
  static final class Outage implements AutoCloseable {
    private final Connection superuser;

    Outage(String applicationUrl) throws SQLException {
      superuser = DriverManager.getConnection(applicationUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres"), "postgres", "");
      try (Statement sql = superuser.createStatement()) {
        sql.execute("ALTER ROLE prevent_app NOLOGIN");
        sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'prevent_app'");
      }
    }

    @Override
    public void close() throws SQLException {
      try (Statement sql = superuser.createStatement()) {
        sql.execute("ALTER ROLE prevent_app LOGIN");
      } finally {
        superuser.close();
      }
    }
  }
}
