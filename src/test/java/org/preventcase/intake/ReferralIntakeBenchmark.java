package org.preventcase.intake;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: measures, on PostgreSQL, the time from a partner system's POST /api/referrals to the
 * case's screening task existing, for 100 referrals of new persons (each: HTTP Basic sign-in,
 * validation, idempotency lock, the intake with its start listener, the known-person match across
 * authorities, the case opened, the case process started with its task, the acknowledgement queued;
 * then a task query until the task is found). Reports, asserts nothing. Runs only with the bench
 * profile: ./mvnw verify -Pbench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false. Report:
 * stdout and target/bench/referral-intake.txt.
 */
class ReferralIntakeBenchmark extends ApplicationIT {

  static final int WARM_UP = 20;
  static final int REFERRALS = 100;

  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void reportTheTimeFromApiSubmissionToTheScreeningTask() throws IOException {
    for (int i = 0; i < WARM_UP; i++) {
      submitAndWaitForScreening();
    }
    long[] samples = new long[REFERRALS];
    for (int i = 0; i < REFERRALS; i++) {
      samples[i] = submitAndWaitForScreening();
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    String report = """
        API submission to screening task on PostgreSQL (embedded %s), %d referrals of new persons, one at a time,
        after %d warm-up referrals; %d cases in the database at the end:
          median:   %.1f ms
          90th pc:  %.1f ms
          fastest:  %.1f ms
          slowest:  %.1f ms
        """.formatted(jdbc.queryForObject("SHOW server_version", String.class), REFERRALS, WARM_UP,
        jdbc.queryForObject("SELECT count(*) FROM case_file", Long.class),
        (sorted[REFERRALS / 2 - 1] + sorted[REFERRALS / 2]) / 2.0 / 1e6, sorted[REFERRALS * 9 / 10 - 1] / 1e6,
        sorted[0] / 1e6, sorted[REFERRALS - 1] / 1e6);
    System.out.println(report);
    Path out = Path.of("target", "bench", "referral-intake.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private long submitAndWaitForScreening() throws IOException {
    String marker = "Bn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String body = ReferralExamples.json(ReferralExamples.valid(marker));
    long start = System.nanoTime();
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "bench-" + marker, body);
    String reference = ReferralApiIT.caseOf(jdbc, created);
    while (tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_DeconflictReferral")
        .count() == 0) {
      Thread.onSpinWait();
    }
    long elapsed = System.nanoTime() - start;
    if (created.statusCode() != 201) {
      throw new IllegalStateException("referral refused: " + created.statusCode());
    }
    return elapsed;
  }
}
