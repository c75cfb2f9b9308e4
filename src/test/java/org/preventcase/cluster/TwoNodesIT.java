package org.preventcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.PreventCaseEngineApplication;
import org.preventcase.audit.AuditVerification;
import org.preventcase.database.SharedPostgres;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the application on one PostgreSQL, as a council would run them behind a load balancer
 * (docs/scale-out.md): both started at once on an empty database, referrals sent to both at once (one of them
 * to both under one Idempotency-Key), the screening timers of every case coming due together for both job
 * executors, and one instance closed while it holds jobs. Nothing is provisioned twice, the retried referral
 * is one referral, every timer runs once, the other instance takes the closed one's jobs once their lock has
 * expired, no notification is sent twice, and each nightly job (fired every two seconds here, on both) runs
 * once.
 *
 * <p>Each instance's engine has its own name (nodeA, nodeB): Camunda's engine registry is static, one per JVM,
 * and two engines of one name would replace each other in it. In a cluster each instance is a JVM of its own and
 * every engine is "default"; the name is in no table the instances share.
 */
class TwoNodesIT {

  static final String AUTHORITY = "E06000031";
  static final int REFERRALS = 12;
  static final String REMINDER = "Event_ScreeningReminderDue";
  static final String OVERDUE = "Event_ScreeningOverdue";
  /** A short job lock, so that the closed node's jobs are taken up within the test. */
  static final long LOCK_MILLIS = 8_000;

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      ServerSetupTest.SMTP.port(Integer.getInteger("greenmail.smtp.port", 3025)));

  static SharedPostgres database;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void database() {
    database = new SharedPostgres();
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    database.close();
  }

  /** An instance: its context, its engine's configuration and its job executor's lock owner (kept after closing). */
  record Node(String name, ConfigurableApplicationContext context, ProcessEngineConfigurationImpl engine,
      String lockOwner) {

    String baseUrl() {
      return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The jobs this instance's executor ran (the engine's own count, reported to the database every 15 minutes). */
    long jobsSucceeded() {
      return engine.getMetricsRegistry().getDbMeterByName(Metrics.JOB_SUCCESSFUL).get();
    }
  }

  /**
   * An instance with its job executor on, its settings given as command-line arguments, which outrank
   * application.yaml's. nodeA looks for due jobs every 100 ms and takes many at a time, to work them one by one;
   * nodeB every 2 s, one at a time, with two threads: so nodeA is sure to hold jobs when it is closed.
   */
  static Node start(String name, int threads, int jobsPerAcquisition, int waitMillis) {
    Map<String, Object> properties = new HashMap<>(database.properties());
    properties.putAll(Map.ofEntries(
        Map.entry("server.port", "0"),
        Map.entry("camunda.bpm.process-engine-name", name),
        Map.entry("camunda.bpm.job-execution.enabled", "true"),
        Map.entry("camunda.bpm.job-execution.core-pool-size", String.valueOf(threads)),
        Map.entry("camunda.bpm.job-execution.max-pool-size", String.valueOf(threads)),
        Map.entry("camunda.bpm.job-execution.queue-capacity", String.valueOf(jobsPerAcquisition)),
        Map.entry("camunda.bpm.job-execution.max-jobs-per-acquisition", String.valueOf(jobsPerAcquisition)),
        Map.entry("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_MILLIS)),
        Map.entry("camunda.bpm.job-execution.wait-time-in-millis", String.valueOf(waitMillis)),
        Map.entry("camunda.bpm.job-execution.max-wait", String.valueOf(waitMillis)),
        Map.entry("spring.mail.port", String.valueOf(mail.getSmtp().getPort())),
        Map.entry("prevent.notifications.dispatch-interval", "PT1S"),
        // longer than any batch takes to send on a loaded machine, shorter than the wait for nodeA's claims to expire
        Map.entry("prevent.notifications.claim-timeout", "PT30S"),
        Map.entry("prevent.notifications.local-mailbox", ""),
        Map.entry("prevent.panel.schedule-initial-delay", "P1D"),
        // the nightly jobs fire every two seconds on both nodes: each must still run once
        Map.entry("prevent.audit.verify-cron", "*/2 * * * * *"),
        Map.entry("prevent.audit.digest-cron", "*/2 * * * * *"),
        Map.entry("prevent.retention.cron", "*/2 * * * * *")));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(PreventCaseEngineApplication.class)
        .profiles("demo").run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new));
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    return new Node(name, context, engine, engine.getJobExecutor().getLockOwner());
  }

  @Test
  void twoInstancesOnOneDatabaseRunEveryJobOnceAndTakeOverEachOthersJobs() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Future<Node> startingA = pool.submit(() -> start("nodeA", 1, REFERRALS, 100));
    Future<Node> startingB = pool.submit(() -> start("nodeB", 2, 1, 2_000));
    Node a = startingA.get(150, TimeUnit.SECONDS);
    Node b = startingB.get(150, TimeUnit.SECONDS);
    jdbc = b.context().getBean(JdbcTemplate.class);
    try {
      bothStartedOnOneProvisioning();
      List<String> cases = referToBoth(pool, a, b);

      assertThat(timers(REMINDER)).as("each case's screening reminder").hasSize(REFERRALS);
      assertThat(timers(OVERDUE)).as("each case's screening due date").hasSize(REFERRALS);

      // every case's reminder comes due at once, for both job executors
      clockPast(REMINDER);
      waitFor(Duration.ofSeconds(60), () -> timers(REMINDER).isEmpty());
      long ranOnA = a.jobsSucceeded();
      assertThat(ranOnA + b.jobsSucceeded()).as("the reminders, once each").isGreaterThanOrEqualTo(REFERRALS);

      // nodeA stops working its jobs (its one job thread held, as a node that hangs or dies mid-job) but still
      // acquires them; the due dates pass; nodeA is closed holding jobs it locked and never ran
      AtomicBoolean released = new AtomicBoolean();
      ((SpringJobExecutor) a.engine().getJobExecutor()).getTaskExecutor().execute(() -> {
        while (!released.get()) {
          // a hung node ignores its shutdown too; clearing the interrupt keeps the wait from spinning
          Thread.interrupted();
          LockSupport.parkNanos(50_000_000);
        }
      });
      try {
        clockPast(OVERDUE);
        waitFor(Duration.ofSeconds(60), () -> !lockedBy(a).isEmpty() && lockedBy(a).containsAll(timers(OVERDUE)));
        List<String> leftLocked = lockedBy(a);
        Timestamp lockExpires = jdbc.queryForObject("SELECT min(lock_exp_time_) FROM act_ru_job WHERE lock_owner_ = ?",
            Timestamp.class, a.lockOwner());
        List<String> theirInstances = jdbc.queryForList("SELECT DISTINCT process_instance_id_ FROM act_ru_job "
            + "WHERE lock_owner_ = ? AND process_instance_id_ IS NOT NULL", String.class, a.lockOwner());
        a.context().close();
        assertThat(leftLocked).as("nodeA closed holding jobs").isNotEmpty();

        waitFor(Duration.ofSeconds(60), () -> timers(OVERDUE).isEmpty());
        assertThat(jdbc.queryForList("SELECT start_time_ FROM act_hi_actinst WHERE act_id_ = ? AND proc_inst_id_ IN ("
            + String.join(",", theirInstances.stream().map(id -> "'" + id + "'").toList()) + ")", Timestamp.class,
            "Task_EscalateOverdueScreening"))
            .as("nodeA's jobs run by nodeB, once nodeA's lock had expired").hasSize(theirInstances.size())
            .allSatisfy(started -> assertThat(started).isAfterOrEqualTo(lockExpires));
      } finally {
        released.set(true);
      }
      waitFor(Duration.ofSeconds(60), () -> pendingNotifications() == 0);
      assertThat(ranOnA).as("nodeA ran jobs before it stopped").isPositive();
      assertThat(b.jobsSucceeded()).as("nodeB ran jobs, nodeA's among them").isPositive();

      everyTimerRanOnce(cases);
      noNotificationSentTwice();
      everyNightlyJobRanOnce();
    } finally {
      b.context().close();
      if (a.context().isActive()) {
        a.context().close();
      }
      pool.shutdownNow();
    }
  }

  /** Both provisioned, one after the other under the lock: no error, and nothing provisioned twice. */
  void bothStartedOnOneProvisioning() {
    assertThat(jdbc.queryForList("SELECT name_ FROM act_ru_filter GROUP BY name_, owner_ HAVING count(*) > 1",
        String.class)).as("no filter provisioned twice").isEmpty();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_filter", Long.class)).isPositive();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_id_tenant WHERE id_ = ?", Long.class, AUTHORITY))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization", Long.class)).isPositive();
  }

  /**
   * Referrals through the partner API, to both nodes at once; each opens its own case. The first is also sent
   * to the other node at the same moment under the same Idempotency-Key (a partner system retrying through
   * the load balancer): both answers name one referral.
   */
  List<String> referToBoth(ExecutorService pool, Node a, Node b) throws Exception {
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    Future<HttpResponse<String>> retried = null;
    for (int i = 0; i < REFERRALS; i++) {
      Node node = i % 2 == 0 ? a : b;
      String key = ReferralApiIT.key();
      String body = ReferralExamples.json(ReferralExamples.valid("Cluster" + UUID.randomUUID().toString().substring(0, 8)));
      sent.add(pool.submit(() -> ReferralApiIT.post(node.baseUrl(), "demo-referrer", key, body)));
      if (i == 0) {
        retried = pool.submit(() -> ReferralApiIT.post(b.baseUrl(), "demo-referrer", key, body));
      }
    }
    List<String> cases = new ArrayList<>();
    for (Future<HttpResponse<String>> response : sent) {
      HttpResponse<String> created = response.get(60, TimeUnit.SECONDS);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      cases.add(ReferralApiIT.caseOf(jdbc, created));
    }
    assertThat(cases).doesNotContainNull().doesNotHaveDuplicates();
    HttpResponse<String> again = retried.get(60, TimeUnit.SECONDS);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(ReferralApiIT.caseOf(jdbc, again)).as("the same key on both nodes at once: one referral")
        .isEqualTo(cases.get(0));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM case_file", Long.class)).isEqualTo(REFERRALS);
    return cases;
  }

  /** Each case's screening reminder and overdue escalation ran exactly once, and no job failed. */
  void everyTimerRanOnce(List<String> cases) {
    for (String activity : List.of("Task_RemindOfScreening", "Task_EscalateOverdueScreening")) {
      Map<String, Long> runs = new HashMap<>();
      jdbc.query("""
          SELECT p.business_key_, count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.root_proc_inst_id_
          WHERE a.act_id_ = ? GROUP BY p.business_key_""",
          row -> { runs.put(row.getString(1), row.getLong(2)); }, activity);
      assertThat(runs).as(activity + " once per case").hasSize(cases.size()).containsOnlyKeys(cases)
          .allSatisfy((reference, count) -> assertThat(count).isEqualTo(1));
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_incident", Long.class)).as("no incident").isZero();
  }

  /** Every notice queued was sent, each once: the Message-IDs GreenMail received are the outbox's rows, once each. */
  void noNotificationSentTwice() throws MessagingException {
    long sent = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE status = 'SENT'", Long.class);
    List<String> ids = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      ids.add(message.getMessageID());
    }
    assertThat(sent).as("the reminders and escalations queued notices").isGreaterThanOrEqualTo(2L * REFERRALS);
    assertThat(ids).as("each notice received once").doesNotHaveDuplicates().hasSize((int) sent);
  }

  /** Fired every two seconds on both nodes, the verification, the digest and retention each ran once. */
  void everyNightlyJobRanOnce() {
    assertThat(jdbc.queryForList("SELECT job FROM scheduled_run", String.class))
        .containsExactlyInAnyOrder("audit-verification", "audit-digest", "retention");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_verification WHERE requested_by = ?", Long.class,
        AuditVerification.SCHEDULER)).as("one verification of the one authority").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE message_type = 'AUDIT_DIGEST'",
        Long.class)).as("the digest queued once for each manager").isEqualTo(jdbc.queryForObject(
        "SELECT count(DISTINCT recipient) FROM notification_outbox WHERE message_type = 'AUDIT_DIGEST'", Long.class));
  }

  /** The timers of this activity still to run. */
  List<String> timers(String activity) {
    return jdbc.queryForList("SELECT j.id_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ "
        + "WHERE d.act_id_ = ?", String.class, activity);
  }

  /**
   * Moves the engine's clock (the whole JVM's, both nodes') a minute past the latest of these timers, once the
   * outbox is empty. A claim lasts claim-timeout by that clock: a jump of days while a node is still sending a
   * batch would let the other node claim the same rows and send them again, which no running service meets.
   */
  void clockPast(String activity) throws InterruptedException {
    waitFor(Duration.ofSeconds(60), () -> pendingNotifications() == 0);
    Timestamp latest = jdbc.queryForObject("SELECT max(j.duedate_) FROM act_ru_job j "
        + "JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE d.act_id_ = ?", Timestamp.class, activity);
    ClockUtil.offset(latest.getTime() + 60_000 - System.currentTimeMillis());
  }

  List<String> lockedBy(Node node) {
    return jdbc.queryForList("SELECT id_ FROM act_ru_job WHERE lock_owner_ = ?", String.class, node.lockOwner());
  }

  long pendingNotifications() {
    return jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE status = 'PENDING'", Long.class);
  }

  /** Waits for the condition; when it does not come, fails with the state of the jobs. */
  static void waitFor(Duration most, BooleanSupplier condition) throws InterruptedException {
    Instant until = Instant.now().plus(most);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("not within " + most + "; jobs by lock owner, type, retries and whether due: "
            + jdbc.queryForList("SELECT lock_owner_, type_, retries_, duedate_ <= ? AS due, count(*) FROM act_ru_job "
                + "GROUP BY 1, 2, 3, 4", Timestamp.from(ClockUtil.now().toInstant())));
      }
      Thread.sleep(100);
    }
  }
}
