package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The metrics (issue 16): the engine's, through its REST API and the webapps' engine API, Admin's
 * execution metrics and Prometheus's scrape answer Prevent managers, administrators and the metrics
 * readers ({@code prevent-metrics}, a machine client such as the scraper), nobody else; a metrics
 * reader reads the metrics and nothing else.
 */
class MetricsAccessIT extends ApplicationIT {

  static final List<String> ENGINE_METRICS = List.of("/engine-rest/metrics", "/engine-rest/metrics/activity-instance-start/sum",
      "/engine-rest/engine/default/metrics/activity-instance-start/sum");
  static final String WEBAPPS_METRICS = "/camunda/api/engine/engine/default/metrics/activity-instance-start/sum";
  static final String PROMETHEUS = "/actuator/prometheus";

  @Autowired IdentityService identity;
  String scraper;

  @AfterEach
  void theScraperRemoved() {
    if (scraper != null) {
      identity.deleteUser(scraper);
    }
  }

  /** A machine account made in Admin (through the engine REST API, as Admin does) and given the metrics readers' group. */
  String scraperAccount() {
    scraper = "test-scraper-" + Long.toString(System.nanoTime(), 36);
    String body = """
        {"profile": {"id": "%s", "firstName": "Metrics", "lastName": "Scraper"}, "credentials": {"password": "%s"}}"""
        .formatted(scraper, DEMO_PASSWORD);
    assertThat(call("POST", "/engine-rest/user/create", "demo-admin", body).statusCode()).isEqualTo(204);
    HttpResponse<String> joined = call("PUT", "/engine-rest/group/" + Role.METRICS_READER.groupId() + "/members/" + scraper,
        "demo-admin", null);
    assertThat(joined.statusCode()).as("a group that gives no case access is joined at once: " + joined.body())
        .isEqualTo(204);
    return scraper;
  }

  void readsEveryMetric(String user) {
    for (String path : ENGINE_METRICS) {
      HttpResponse<String> answer = call("GET", path, user, null);
      assertThat(answer.statusCode()).as(user + " " + path + ": " + answer.body()).isEqualTo(200);
    }
    assertThat(call("GET", PROMETHEUS, user, null).body()).as(user).contains("# TYPE");
  }

  @Test
  void onlyManagersAdministratorsAndMetricsReadersReadTheMetrics() {
    for (String practitioner : List.of("demo-police", "demo-coordinator", "demo-referrer", "demo-process-owner")) {
      for (String path : ENGINE_METRICS) {
        assertThat(call("GET", path, practitioner, null).statusCode()).as(practitioner + " " + path).isEqualTo(403);
      }
      assertThat(call("GET", PROMETHEUS, practitioner, null).statusCode()).as(practitioner).isEqualTo(403);
      assertThat(signIn(practitioner).request("GET", WEBAPPS_METRICS, null).statusCode()).as(practitioner).isEqualTo(403);
    }
    for (String reader : List.of("demo-manager", "demo-admin", scraperAccount())) {
      readsEveryMetric(reader);
    }
    assertThat(signIn("demo-manager").request("GET", WEBAPPS_METRICS, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aMetricsReaderReadsTheMetricsAndNothingElse() {
    String reader = scraperAccount();
    readsEveryMetric(reader);
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/process-instance",
        "/engine-rest/process-definition", "/engine-rest/history/process-instance", "/engine-rest/user",
        "/engine-rest/group", "/engine-rest/tenant", "/engine-rest/authorization", "/engine-rest/deployment",
        "/engine-rest/engine", "/engine-rest/version", "/engine-rest/telemetry/data", "/api/cases", "/cases",
        "/actuator/health", "/notifications/stuck", "/access-requests")) {
      HttpResponse<String> answer = call("GET", path, reader, null);
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(403);
    }
    assertThat(call("DELETE", "/engine-rest/metrics/task-worker", reader, null).statusCode()).isEqualTo(403);
    HttpResponse<String> tasklist = signIn(reader).get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(403);
  }
}
