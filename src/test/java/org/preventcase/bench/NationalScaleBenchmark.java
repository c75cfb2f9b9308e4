package org.preventcase.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.preventcase.PreventCaseEngineApplication;
import org.preventcase.app.ApplicationIT;
import org.preventcase.casefile.CaseService;
import org.preventcase.database.SharedPostgres;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.security.Actor;
import org.preventcase.security.Role;
import org.preventcase.whatif.SyntheticReferral;
import org.preventcase.whatif.SyntheticReferrals;
import org.preventcase.whatif.SyntheticYear;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: every figure of issue 17's table in one run, the application's path interleaved with a bare
 * Camunda engine ({@link BareEngine}: the same models, no-op delegates, its own database on the same PostgreSQL
 * server) so that the machine's noise hits both. Reports, asserts nothing. Runs only with the bench profile:
 * {@code ./mvnw verify -Pbench -Dit.test=NationalScaleBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Report: stdout and target/bench/national-scale.md.
 *
 * <p>The server keeps its data in {@code bench.postgres} (default target/bench/postgres) from one run to the next,
 * with a template database built once through the real path ({@code bench.template-referrals} synthetic referrals
 * of the national mix through the partner API, deconflicted, screened and their closures reviewed by the demo
 * practitioners through the engine's REST API, with the job executor on). Each run then:
 * <ol>
 *   <li>the intake on empty databases: rounds of {@code bench.intake-referrals} referrals at 1 and at 4 clients,
 *   ours (POST /api/referrals until the screening task exists) and the bare engine's start in turn, each ending
 *   with the same task query for the screening task; operations per second, p50 and p99, the JVM's processor time
 *   per referral (ours less the clients' own threads), statements and transactions per referral
 *   (pg_stat_statements, pg_stat_database) and the database's growth;
 *   <li>the application's database copied from the template ({@code CREATE DATABASE ... TEMPLATE}) and its engine
 *   history cloned to {@code bench.history-referrals} referrals (every history row of the template's ended process
 *   instances, under new ids); {@code bench.open-tasks} open tasks made by each engine itself (a multi-instance user
 *   task, four in five offered to the police);
 *   <li>Tasklist's own call as the police and the engine REST task query, interleaved with the bare engine's
 *   task query, in rounds;
 *   <li>the known-person match of a referral at the persons on file, then with persons added to 30,000 and to
 *   1,000,000 (synthetic rows as KnownPersonsPlanIT seeds them, each with a case).
 * </ol>
 */
class NationalScaleBenchmark {

  static final String TEMPLATE = "prevent_template";
  static final String APPLICATION = "prevent";
  static final String BARE = "prevent_bare";
  static final String AUTHORITY = "E06000031";
  /** The calls (or referrals) whose statements are broken down, after the measured ones. */
  static final int BREAKDOWN_CALLS = 50;
  /** The fewest warm-up referrals each side gets, and the most (it stops earlier once warm: {@link #warmUp}). */
  static final int WARM_UP = Integer.getInteger("bench.warm-up", 1_500);
  static final int WARM_UP_MAX = Integer.getInteger("bench.warm-up-max", 8_000);
  /** The warm-up's blocks, and how much less processor time a block may take than the best before it and still count as warm. */
  static final int WARM_UP_BLOCK = 250;
  static final double WARM_UP_GAIN = 0.03;
  static final String TASKLIST_BODY = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true,\
      "variableNames":["caseRef","urgencyLabel","concernTypeLabel","ageBandLabel","referralId"]}""";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final OperatingSystemMXBean MACHINE =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** The processor time the clients of the bare engine spent on the benchmark's own look-ups, not the work's. */
  private static final AtomicLong LOOK_UPS_CPU = new AtomicLong();

  final int templateReferrals = Integer.getInteger("bench.template-referrals", 4_000);
  final int historyReferrals = Integer.getInteger("bench.history-referrals", 200_000);
  final int openTasks = Integer.getInteger("bench.open-tasks", 30_000);
  final int intakePerRound = Integer.getInteger("bench.intake-referrals", 100);
  final int rounds = Integer.getInteger("bench.rounds", 3);
  final int callsPerRound = Integer.getInteger("bench.calls", 50);
  final List<String> report = new ArrayList<>();
  final List<Double> load = new ArrayList<>();
  final AtomicInteger referred = new AtomicInteger();
  final AtomicInteger possibleMatches = new AtomicInteger();

  @Test
  void reportEveryFigureOfTheIssueInOneRun() throws Exception {
    long began = System.nanoTime();
    load.add(MACHINE.getSystemLoadAverage());
    Path data = Path.of(System.getProperty("bench.postgres", "target/bench/postgres"));
    try (SharedPostgres server = new SharedPostgres(data)) {
      JdbcTemplate admin = new JdbcTemplate(server.superuser("postgres"));
      admin.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      line("PostgreSQL %s on %d processors, data in %s", admin.queryForObject("SHOW server_version", String.class),
          Runtime.getRuntime().availableProcessors(), data);
      if (!server.exists(TEMPLATE) || Boolean.getBoolean("bench.rebuild-template")) {
        buildTemplate(server);
      }
      long templateReferralsKept = new JdbcTemplate(server.superuser(TEMPLATE))
          .queryForObject("SELECT count(*) FROM referral", Long.class);

      server.recreate(APPLICATION, null);
      server.recreate(BARE, null);
      try (BareEngine bare = new BareEngine(server.url(BARE), server.owner(), server.owner());
          ConfigurableApplicationContext application = start(server, APPLICATION, false)) {
        templateGrowth(server, templateReferralsKept, databaseBytes(admin, APPLICATION));
        intake(admin, application, bare);
      }

      long copying = System.nanoTime();
      server.recreate(APPLICATION, TEMPLATE);
      double copied = seconds(copying);
      long cloned = cloneHistory(new JdbcTemplate(server.superuser(APPLICATION)), templateReferralsKept);
      line("");
      line("History: the template's database copied in %.0f s; its engine history cloned to %,d referrals in %.0f s "
          + "(%,d history rows); the database is %,d MB", copied, cloned, seconds(copying) - copied,
          new JdbcTemplate(server.superuser(APPLICATION)).queryForObject(
              "SELECT sum(n_live_tup) FROM pg_stat_user_tables WHERE relname LIKE 'act_hi_%'", Long.class),
          databaseBytes(admin, APPLICATION) >> 20);
      try (BareEngine bare = new BareEngine(server.url(BARE), server.owner(), server.owner());
          ConfigurableApplicationContext application = start(server, APPLICATION, false)) {
        taskList(server, application, bare);
        personMatch(server, application);
      }
    }
    load.add(MACHINE.getSystemLoadAverage());
    line("");
    line("The run took %d min %d s; load average (1 minute) %s; 2 cores", Duration.ofNanos(System.nanoTime() - began)
        .toMinutes(), Duration.ofNanos(System.nanoTime() - began).toSecondsPart(),
        load.stream().map(value -> String.format("%.1f", value)).toList());
    Path out = Path.of("target", "bench", "national-scale.md");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  // ---- the template -------------------------------------------------------------------------------------------

  /** The template database through the real path: the partner API, then the practitioners' forms through REST. */
  private void buildTemplate(SharedPostgres server) throws Exception {
    long began = System.nanoTime();
    server.recreate(TEMPLATE, null);
    List<SyntheticReferral> year = SyntheticYear.generate(LocalDate.of(2025, 4, 1), 12, templateReferrals, 17);
    try (ConfigurableApplicationContext application = start(server, TEMPLATE, true)) {
      String base = baseUrl(application);
      JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
      TaskService tasks = application.getBean(TaskService.class);
      RuntimeService runtime = application.getBean(RuntimeService.class);
      HttpClient client = HttpClient.newHttpClient();
      AtomicInteger next = new AtomicInteger();
      runClients(4, () -> {
        Random random = new Random(next.get());
        for (int i = next.getAndIncrement(); i < year.size(); i = next.getAndIncrement()) {
          String reference = referAndWaitForScreening(client, base, jdbc, tasks, year.get(i), random);
          if (reference == null) {
            continue;
          }
          ApplicationIT.submitTask(base, reference, "Task_DeconflictReferral", "demo-police",
              "{\"deconfliction\": {\"value\": \"CLEAR\"}}");
          awaitTask(tasks, runtime, reference, "Task_ScreenReferral"); // after the deconfliction's job
          ApplicationIT.submitTask(base, reference, "Task_ScreenReferral", "demo-police", variables(Map.of(
              "gatewayOutcome", "NFA_CLOSED", "ideologyIdentified", "NO", "nfaReason", "NO_CONCERN",
              "rationale", "Synthetic: benchmark screening.")));
          if (awaitTask(tasks, runtime, reference, "Task_AssuranceReview")) {
            ApplicationIT.submitTask(base, reference, "Task_AssuranceReview", "demo-manager", variables(Map.of(
                "assuranceDecision", "AGREE_CLOSURE", "rationale", "Synthetic: benchmark assurance review.")));
          }
          if (i % 500 == 0) {
            System.out.printf("  template: %d of %d referrals, %d s%n", i, year.size(), (long) seconds(began));
          }
        }
        return null;
      });
    }
    new JdbcTemplate(server.superuser(TEMPLATE)).execute("VACUUM ANALYZE");
    line("Template: %,d referrals through the real path in %.0f s (made this run; %d of them possible matches left "
        + "to the police)", templateReferrals, seconds(began), possibleMatches.get());
  }

  /**
   * Whether the case's task {@code key} comes, once the job executor has run what the last submission left
   * asynchronously: false when the case's process ends first (at most a minute).
   */
  private static boolean awaitTask(TaskService tasks, RuntimeService runtime, String reference, String key)
      throws InterruptedException {
    for (long until = System.nanoTime() + 60_000_000_000L; System.nanoTime() < until; Thread.sleep(20)) {
      if (tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).count() > 0) {
        return true;
      }
      if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() == 0) {
        return false;
      }
    }
    throw new IllegalStateException(key + " of " + reference + " did not come within a minute");
  }

  /**
   * The template's size, less the application's database before its first referral, per referral: what a referral
   * leaves once its case has closed. The engine's runtime tables (ACT_RU_) are left out: their rows are deleted as
   * the cases end and their space is reused, so they stay as large as the open work, whatever the history.
   */
  private void templateGrowth(SharedPostgres server, long referrals, long emptyBytes) {
    JdbcTemplate template = new JdbcTemplate(server.superuser(TEMPLATE));
    long bytes = template.queryForObject("SELECT pg_database_size(current_database())", Long.class);
    long runtime = relationBytes(template, "act\\_ru\\_%");
    long engine = relationBytes(template, "act\\_%") - runtime;
    List<String> largest = template.query("""
        SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid) FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname NOT LIKE 'act\\_ru\\_%' ORDER BY 2 DESC LIMIT 6""",
        (rs, row) -> String.format("%s %.1f (of which rows %.1f)", rs.getString(1),
            rs.getLong(2) / (double) referrals * 1000 / (1 << 20), rs.getLong(3) / (double) referrals * 1000 / (1 << 20)));
    double perThousand = (bytes - runtime - emptyBytes) / (double) referrals * 1000 / (1 << 20);
    line("Database growth at steady state (the template: %,d referrals, each to its closure; the engine's runtime tables "
        + "left out): %.1f MB per 1,000 referrals (%.0f%% engine history); MB per 1,000 of the largest tables, with "
        + "their indexes: %s", referrals, perThousand, 100.0 * engine / (bytes - runtime), String.join("; ", largest));
  }

  private static long relationBytes(JdbcTemplate database, String namePattern) {
    return database.queryForObject("""
        SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname LIKE ?""", Long.class, namePattern);
  }

  // ---- the intake ---------------------------------------------------------------------------------------------

  private void intake(JdbcTemplate admin, ConfigurableApplicationContext application,
      BareEngine bare) throws Exception {
    String base = baseUrl(application);
    JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
    TaskService tasks = application.getBean(TaskService.class);
    HttpClient client = HttpClient.newHttpClient();
    List<SyntheticReferral> people = SyntheticYear.generate(LocalDate.of(2025, 4, 1), 12,
        2 * rounds * intakePerRound + WARM_UP_MAX + BREAKDOWN_CALLS, 29);
    AtomicInteger nextPerson = new AtomicInteger();
    AtomicInteger nextBare = new AtomicInteger();
    Operation ours = () -> referAndWaitForScreening(client, base, jdbc, tasks, people.get(nextPerson.getAndIncrement()),
        new Random(nextPerson.get()));
    TaskService bareTasks = bare.engine().getTaskService();
    Operation engine = () -> { // ends as ours does, with the benchmark's look-up of the screening task
      String reference = "BARE-" + nextBare.incrementAndGet();
      bare.refer(reference);
      long lookingUp = THREADS.getCurrentThreadCpuTime();
      waitForScreening(bareTasks, reference);
      LOOK_UPS_CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - lookingUp);
      return null;
    };
    Warm warm = warmUp(ours, engine);
    Map<String, Sample> samples = new HashMap<>();
    Counters oursBefore = counters(admin, APPLICATION);
    Counters bareBefore = counters(admin, BARE);
    Counters oursSpent = Counters.NONE;
    Counters bareSpent = Counters.NONE;
    for (int round = 0; round < rounds; round++) {
      for (int clients : new int[] {1, 4}) {
        Counters before = counters(admin, APPLICATION);
        samples.computeIfAbsent("ours" + clients, key -> new Sample()).add(measure(ours, clients, intakePerRound, true));
        oursSpent = oursSpent.plus(counters(admin, APPLICATION).minus(before));
        before = counters(admin, BARE);
        samples.computeIfAbsent("bare" + clients, key -> new Sample()).add(measure(engine, clients, intakePerRound,
            false));
        bareSpent = bareSpent.plus(counters(admin, BARE).minus(before));
      }
      load.add(MACHINE.getSystemLoadAverage());
    }
    int each = 2 * rounds * intakePerRound;
    line("");
    line("Intake on empty databases, %d rounds of %d referrals at 1 and at 4 clients, ours and the bare engine in turn "
        + "(after %d warm-up referrals each: %s). Processor time per referral: the work's own threads (Tomcat's request "
        + "threads for the application, the clients' for the bare engine) and the whole JVM (with its collector and "
        + "compiler):", rounds, intakePerRound, warm.referrals(), warm);
    line("");
    line("| | clients | ops/s | p50 ms | p99 ms | CPU ms (work) | CPU ms (JVM) |");
    line("|---|---|---|---|---|---|---|");
    for (int clients : new int[] {1, 4}) {
      for (String side : List.of("ours", "bare")) {
        Sample sample = samples.get(side + clients);
        line("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", side.equals("ours") ? "application (POST /api/referrals "
            + "until the screening task)" : "bare engine (start until the screening task)", clients, sample.perSecond(),
            sample.percentile(50), sample.percentile(99), sample.workCpuMillisPerOperation(),
            sample.cpuMillisPerOperation());
      }
    }
    line("");
    for (int clients : new int[] {1, 4}) {
      line("- Intake ratio at %d client%s: %.2f (operations per second, application / bare engine)", clients,
          clients == 1 ? "" : "s", samples.get("ours" + clients).perSecond() / samples.get("bare" + clients).perSecond());
    }
    Sample oursAll = samples.get("ours1").plus(samples.get("ours4"));
    Sample bareAll = samples.get("bare1").plus(samples.get("bare4"));
    line("- CPU per referral, the work's own: application %.1f ms, bare engine %.1f ms, ratio %.2f; whole JVM: %.1f ms "
        + "and %.1f ms, ratio %.2f", oursAll.workCpuMillisPerOperation(), bareAll.workCpuMillisPerOperation(),
        oursAll.workCpuMillisPerOperation() / bareAll.workCpuMillisPerOperation(), oursAll.cpuMillisPerOperation(),
        bareAll.cpuMillisPerOperation(), oursAll.cpuMillisPerOperation() / bareAll.cpuMillisPerOperation());
    line("- Statements per referral: application %.1f in %.1f transactions, bare engine %.1f in %.1f",
        oursSpent.statements() / (double) each, oursSpent.transactions() / (double) each,
        bareSpent.statements() / (double) each, bareSpent.transactions() / (double) each);
    Counters oursAfter = counters(admin, APPLICATION);
    Counters bareAfter = counters(admin, BARE);
    line("- Database growth in the intake (%d referrals each after the warm-up, to their screening task; runtime "
        + "rows included): application %.1f MB per 1,000, bare engine %.1f MB per 1,000", each,
        (oursAfter.bytes() - oursBefore.bytes()) / (double) each * 1000 / (1 << 20),
        (bareAfter.bytes() - bareBefore.bytes()) / (double) each * 1000 / (1 << 20));
    statementsOf(admin, "a referral's intake (the benchmark's look-ups of its case and task included)", ours,
        APPLICATION, 10);
    statementsOf(admin, "the bare engine's intake", engine, BARE, 10);
  }

  /**
   * Both sides warmed in turn, a block of {@value #WARM_UP_BLOCK} referrals each at one client, for at least
   * {@link #WARM_UP} and at most {@link #WARM_UP_MAX} referrals, until neither side's block took more than
   * {@link #WARM_UP_GAIN} less processor time per referral (the work's own) than its best block before: the
   * optimising compiler's work is then done on both, however long each takes to get there.
   */
  private static Warm warmUp(Operation ours, Operation engine) throws Exception {
    List<Double> oursBlocks = new ArrayList<>();
    List<Double> bareBlocks = new ArrayList<>();
    while ((oursBlocks.size() * WARM_UP_BLOCK < WARM_UP || stillWarming(oursBlocks) || stillWarming(bareBlocks))
        && oursBlocks.size() * WARM_UP_BLOCK < WARM_UP_MAX) {
      oursBlocks.add(measure(ours, 1, WARM_UP_BLOCK, true).workCpuMillisPerOperation());
      bareBlocks.add(measure(engine, 1, WARM_UP_BLOCK, false).workCpuMillisPerOperation());
    }
    return new Warm(oursBlocks, bareBlocks);
  }

  /** Whether the last block still took markedly less processor time than every block before it. */
  private static boolean stillWarming(List<Double> blocks) {
    if (blocks.size() < 2) {
      return true;
    }
    double best = blocks.subList(0, blocks.size() - 1).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    return blocks.get(blocks.size() - 1) < best * (1 - WARM_UP_GAIN);
  }

  /** The warm-up's blocks: each side's processor time per referral (the work's own, ms) in each. */
  record Warm(List<Double> ours, List<Double> bare) {
    int referrals() {
      return ours.size() * WARM_UP_BLOCK;
    }

    @Override
    public String toString() {
      return "blocks of " + WARM_UP_BLOCK + " until neither side's processor time per referral fell by more than "
          + Math.round(WARM_UP_GAIN * 100) + "% below its best block, application " + millis(ours) + " ms, bare engine "
          + millis(bare) + " ms";
    }

    private static String millis(List<Double> blocks) {
      return blocks.stream().map(block -> String.format(Locale.ROOT, "%.1f", block))
          .collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /** A referral of the national mix through the partner API, until its screening task exists; its case reference. */
  private String referAndWaitForScreening(HttpClient client, String base, JdbcTemplate jdbc, TaskService tasks,
      SyntheticReferral person, Random random) {
    int number = referred.incrementAndGet();
    Map<String, Object> body = SyntheticReferrals.body(person, AUTHORITY, random);
    HttpResponse<String> created = ReferralApiIT.post(client, base, "demo-referrer", "bench-" + System.nanoTime()
        + "-" + number, ReferralExamples.json(body));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("referral refused: " + created.statusCode() + " " + created.body());
    }
    String reference = ReferralApiIT.caseOf(jdbc, created);
    if (reference == null) { // a possible match, waiting for the police to confirm it: no case yet
      possibleMatches.incrementAndGet();
      return null;
    }
    waitForScreening(tasks, reference);
    return reference;
  }

  /** Until the case's screening task exists (the engine's own query, on either engine). */
  private static void waitForScreening(TaskService tasks, String reference) {
    while (tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_DeconflictReferral")
        .count() == 0) {
      Thread.onSpinWait();
    }
  }

  // ---- the task list ------------------------------------------------------------------------------------------

  private void taskList(SharedPostgres server, ConfigurableApplicationContext application, BareEngine bare)
      throws Exception {
    ProcessEngine ours = application.getBean(ProcessEngine.class);
    long seeding = System.nanoTime();
    seedOpenTasks(ours);
    seedOpenTasks(bare.engine());
    double seeded = seconds(seeding);
    for (String database : List.of(APPLICATION, BARE)) {
      new JdbcTemplate(server.superuser(database)).execute("ANALYZE");
    }
    String base = baseUrl(application);
    String filter = application.getBean(FilterService.class).createFilterQuery()
        .filterName(Role.POLICE_PREVENT_OFFICER.displayName()).singleResult().getId();
    Session police = new Session(base, "demo-police");
    Operation tasklist = () -> police.post("/camunda/api/engine/engine/default/filter/" + filter
        + "/list?firstResult=0&maxResults=15", TASKLIST_BODY);
    Operation taskQuery = () -> answered(ApplicationIT.call(base, "GET", "/engine-rest/task?firstResult=0&maxResults=15",
        "demo-police", null));
    TaskService bareTasks = bare.engine().getTaskService();
    Operation bareQuery = () -> bareTasks.createTaskQuery().taskCandidateGroup(Role.POLICE_PREVENT_OFFICER.groupId())
        .orderByTaskCreateTime().desc().listPage(0, 15);
    for (Operation warm : List.of(tasklist, taskQuery, bareQuery)) {
      for (int i = 0; i < 10; i++) {
        warm.run();
      }
    }
    Sample tasklistSample = new Sample();
    Sample querySample = new Sample();
    Sample bareSample = new Sample();
    for (int round = 0; round < rounds; round++) {
      tasklistSample.add(measure(tasklist, 1, callsPerRound, true));
      querySample.add(measure(taskQuery, 1, callsPerRound, true));
      bareSample.add(measure(bareQuery, 1, callsPerRound, false));
    }
    load.add(MACHINE.getSystemLoadAverage());
    JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
    line("");
    line("Task list at %,d open tasks (made by each engine in %.0f s; %,d authorization rows) and %,d referrals of "
        + "history, %d rounds of %d calls each, one client:", ours.getTaskService().createTaskQuery().count(), seeded,
        jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization", Long.class),
        jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'referral-intake'", Long.class),
        rounds, callsPerRound);
    line("");
    line("| call | p50 ms | p99 ms |");
    line("|---|---|---|");
    line("| Tasklist's own call as the police (filter list with its count and card variables) | %.1f | %.1f |",
        tasklistSample.percentile(50), tasklistSample.percentile(99));
    line("| engine REST task query as the police (no count) | %.1f | %.1f |", querySample.percentile(50),
        querySample.percentile(99));
    line("| bare engine: the police group's first page, no authorization check (its floor) | %.1f | %.1f |",
        bareSample.percentile(50), bareSample.percentile(99));
    JdbcTemplate admin = new JdbcTemplate(server.superuser("postgres"));
    statementsOf(admin, "Tasklist's own call", tasklist, APPLICATION, 6);
    statementsOf(admin, "the engine REST task query", taskQuery, APPLICATION, 6);
  }

  /** Where one call's time goes in the database: its {@code top} statements by their total time over more calls. */
  private void statementsOf(JdbcTemplate admin, String call, Operation operation, String database, int top)
      throws Exception {
    admin.execute("SELECT pg_stat_statements_reset()");
    for (int i = 0; i < BREAKDOWN_CALLS; i++) {
      operation.run();
    }
    line("");
    line("Where %s spends its time in PostgreSQL (%d calls; per call):", call, BREAKDOWN_CALLS);
    line("");
    line("| statements | ms | statement |");
    line("|---|---|---|");
    admin.query("""
        SELECT s.calls, s.total_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g') FROM pg_stat_statements s
        JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ? ORDER BY s.total_exec_time DESC LIMIT ?""",
        row -> {
          String query = row.getString(3);
          line("| %.1f | %.2f | `%s` |", row.getLong(1) / (double) BREAKDOWN_CALLS, row.getDouble(2) / BREAKDOWN_CALLS,
              query.length() > 160 ? query.substring(0, 160) + " ..." : query);
        }, database, top);
  }

  private void seedOpenTasks(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name("national-scale-benchmark")
        .addClasspathResource("processes-test/many-open-tasks.bpmn").deploy();
    int perInstance = 500;
    for (int made = 0; made < openTasks; made += perInstance) {
      String group = made % (5 * perInstance) == 4 * perInstance ? Role.PANEL_MEMBER_EDUCATION.groupId()
          : Role.POLICE_PREVENT_OFFICER.groupId();
      engine.getRuntimeService().startProcessInstanceByKey("test-many-open-tasks", Map.of("openTasks",
          Math.min(perInstance, openTasks - made), "offeredTo", group));
    }
  }

  // ---- the known-person match ---------------------------------------------------------------------------------

  private void personMatch(SharedPostgres server, ConfigurableApplicationContext application) throws Exception {
    String base = baseUrl(application);
    JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
    CaseService cases = application.getBean(CaseService.class);
    HttpClient client = HttpClient.newHttpClient();
    List<SyntheticReferral> people = SyntheticYear.generate(LocalDate.of(2025, 4, 1), 12, 50, 31);
    List<Long> referrals = new ArrayList<>();
    for (SyntheticReferral person : people) {
      HttpResponse<String> created = ReferralApiIT.post(client, base, "demo-referrer", "bench-match-" + person.number()
          + "-" + System.nanoTime(), ReferralExamples.json(SyntheticReferrals.body(person, AUTHORITY,
          new Random(person.number()))));
      referrals.add(ReferralApiIT.json(created).path("referralId").asLong());
    }
    Actor system = Actor.system(AUTHORITY);
    AtomicInteger next = new AtomicInteger();
    Operation match = () -> cases.matchPerson(system, AUTHORITY, referrals.get(next.getAndIncrement() % referrals.size()));
    JdbcTemplate owner = new JdbcTemplate(server.superuser(APPLICATION));
    line("");
    line("Known-person match of a referral (CaseService.matchPerson: the candidates, their data and cases, audited), "
        + "%d referrals' persons, %d rounds:", referrals.size(), rounds);
    line("");
    line("| persons on file | p50 ms | p99 ms |");
    line("|---|---|---|");
    for (int persons : new int[] {0, 30_000, 1_000_000}) {
      addPersonsUpTo(owner, persons);
      long onFile = jdbc.queryForObject("SELECT count(*) FROM person", Long.class);
      for (int i = 0; i < referrals.size(); i++) {
        match.run();
      }
      Sample sample = new Sample();
      for (int round = 0; round < rounds; round++) {
        sample.add(measure(match, 1, referrals.size(), false));
      }
      line("| %,d | %.2f | %.2f |", onFile, sample.percentile(50), sample.percentile(99));
    }
    load.add(MACHINE.getSystemLoadAverage());
  }

  /** Synthetic persons, each with an address and a case, as KnownPersonsPlanIT seeds them, until there are {@code n}. */
  private static void addPersonsUpTo(JdbcTemplate owner, int n) {
    long have = owner.queryForObject("SELECT count(*) FROM person", Long.class);
    if (have >= n) {
      return;
    }
    owner.update("""
        INSERT INTO person (authority_code, given_names, family_name, date_of_birth, nhs_number, recorded_by)
        SELECT ?, 'Benchseed ' || g, 'Seedname' || (g % 7000), DATE '1950-01-01' + (g % 20000),
          CASE WHEN g % 3 = 0 THEN lpad(g::text, 10, '7') END, 'bench-seed'
        FROM generate_series(1, ?::int) g""", AUTHORITY, n - have);
    owner.update("""
        INSERT INTO person_address (person_id, authority_code, address, postcode, recorded_by)
        SELECT p.id, p.authority_code, p.id || ' Invented Row', 'ZZ' || (p.id % 97) || ' ' || (p.id % 9) || 'ZA', 'bench-seed'
        FROM person p WHERE p.recorded_by = 'bench-seed' AND NOT EXISTS (SELECT 1 FROM person_address a WHERE a.person_id = p.id)""");
    owner.update("""
        INSERT INTO case_file (authority_code, reference, person_id, stage, status, opened_by)
        SELECT p.authority_code, 'BENCH-' || p.id, p.id, 'SCREENING', 'OPEN', 'bench-seed'
        FROM person p WHERE p.recorded_by = 'bench-seed' AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.person_id = p.id)""");
    owner.execute("ANALYZE person");
    owner.execute("ANALYZE person_address");
    owner.execute("ANALYZE case_file");
  }

  // ---- the history clone --------------------------------------------------------------------------------------

  /** Columns of the engine's history tables that name one process instance's own rows: given new ids in a copy. */
  static final List<String> INSTANCE_IDS = List.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
      "act_inst_id_", "parent_act_inst_id_", "task_id_", "parent_task_id_", "call_proc_inst_id_",
      "super_process_instance_id_", "super_execution_id_", "job_id_", "dec_inst_id_", "root_dec_inst_id_",
      "operation_id_", "cause_incident_id_", "root_cause_incident_id_", "business_key_");

  /**
   * The template's engine history cloned until it holds {@code target} referrals: every row of every ACT_HI_ table
   * that belongs to an ended root process instance, copied with each instance-own id given the copy's suffix (kept
   * within the column's 64 characters, the id's unique end kept), so every copy is a whole, consistent history.
   * Returns the referrals the history then holds.
   */
  long cloneHistory(JdbcTemplate owner, long templateReferrals) {
    long intakes = owner.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'referral-intake' "
        + "AND end_time_ IS NOT NULL", Long.class);
    int copies = (int) Math.max(0, Math.ceil((historyReferrals - templateReferrals) / (double) Math.max(1, intakes)));
    owner.execute("DROP TABLE IF EXISTS bench_ended");
    owner.execute("CREATE TABLE bench_ended AS SELECT id_ FROM act_hi_procinst WHERE end_time_ IS NOT NULL "
        + "AND (root_proc_inst_id_ IS NULL OR root_proc_inst_id_ = id_) AND NOT EXISTS (SELECT 1 FROM act_hi_procinst o "
        + "WHERE o.root_proc_inst_id_ = act_hi_procinst.id_ AND o.end_time_ IS NULL)");
    List<String> tables = owner.queryForList("""
        SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'act\\_hi\\_%'
        AND column_name = 'root_proc_inst_id_' ORDER BY table_name""", String.class);
    for (String table : tables) {
      List<Map<String, Object>> columns = owner.queryForList("""
          SELECT column_name, character_maximum_length FROM information_schema.columns WHERE table_schema = 'public'
          AND table_name = ? ORDER BY ordinal_position""", table);
      StringBuilder names = new StringBuilder();
      StringBuilder values = new StringBuilder();
      for (Map<String, Object> column : columns) {
        String name = (String) column.get("column_name");
        names.append(names.isEmpty() ? "" : ", ").append(name);
        values.append(values.isEmpty() ? "" : ", ");
        if (INSTANCE_IDS.contains(name) && column.get("character_maximum_length") != null) {
          int max = ((Number) column.get("character_maximum_length")).intValue();
          // the copy's suffix, the id shortened from its start if it would not fit
          values.append("CASE WHEN t.").append(name).append(" IS NULL THEN NULL ELSE right(t.").append(name).append(", ")
              .append(max).append(" - length(s.suffix)) || s.suffix END");
        } else {
          values.append("t.").append(name);
        }
      }
      owner.update("INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table
          + " t JOIN bench_ended e ON e.id_ = t.root_proc_inst_id_ CROSS JOIN (SELECT '~' || g AS suffix FROM "
          + "generate_series(1, ?) g) s", copies);
    }
    owner.execute("DROP TABLE bench_ended");
    owner.execute("ANALYZE");
    return templateReferrals + copies * intakes;
  }

  // ---- measuring ----------------------------------------------------------------------------------------------

  interface Operation {
    Object run() throws Exception;
  }

  /**
   * {@code count} operations shared by {@code clients} threads: each one's time, the wall time, the JVM's processor
   * time (with its collector and compiler) and the work's own: the request threads' (Tomcat's) when the clients call
   * the application over HTTP ({@code overHttp}), else the clients' own threads', which do the work themselves,
   * less their look-ups for the benchmark ({@link #LOOK_UPS_CPU}; the application's are not in its request threads).
   */
  private static Sample measure(Operation operation, int clients, int count, boolean overHttp) throws Exception {
    AtomicInteger left = new AtomicInteger(count);
    AtomicLong clientCpu = new AtomicLong();
    long[] times = new long[count];
    AtomicInteger slot = new AtomicInteger();
    Map<Long, Long> requestThreadsBefore = requestThreadsCpu();
    long cpuBefore = MACHINE.getProcessCpuTime();
    long lookUpsBefore = LOOK_UPS_CPU.get();
    long began = System.nanoTime();
    runClients(clients, () -> {
      long threadBefore = THREADS.getCurrentThreadCpuTime();
      while (left.getAndDecrement() > 0) {
        long start = System.nanoTime();
        operation.run();
        times[slot.getAndIncrement()] = System.nanoTime() - start;
      }
      clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - threadBefore);
      return null;
    });
    Sample sample = new Sample();
    sample.wallNanos = System.nanoTime() - began;
    sample.cpuNanos = MACHINE.getProcessCpuTime() - cpuBefore;
    if (overHttp) {
      requestThreadsCpu().forEach((thread, cpu) -> sample.workCpuNanos += cpu - requestThreadsBefore.getOrDefault(thread, 0L));
    } else {
      sample.workCpuNanos = clientCpu.get() - (LOOK_UPS_CPU.get() - lookUpsBefore);
    }
    sample.times.addAll(Arrays.stream(times).boxed().toList());
    return sample;
  }

  /** The processor time of each of Tomcat's request threads so far. */
  private static Map<Long, Long> requestThreadsCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (var thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null && thread.getThreadName().startsWith("http-nio-")) {
        cpu.put(thread.getThreadId(), THREADS.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return cpu;
  }

  private static void runClients(int clients, java.util.concurrent.Callable<Void> client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        running.add(pool.submit(client));
      }
      for (Future<Void> each : running) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Operation times, and the wall and processor time they took. */
  static final class Sample {
    final List<Long> times = new ArrayList<>();
    long wallNanos;
    long cpuNanos;
    long workCpuNanos;

    void add(Sample other) {
      times.addAll(other.times);
      wallNanos += other.wallNanos;
      cpuNanos += other.cpuNanos;
      workCpuNanos += other.workCpuNanos;
    }

    Sample plus(Sample other) {
      Sample both = new Sample();
      both.add(this);
      both.add(other);
      return both;
    }

    double perSecond() {
      return times.size() / (wallNanos / 1e9);
    }

    double cpuMillisPerOperation() {
      return cpuNanos / 1e6 / times.size();
    }

    double workCpuMillisPerOperation() {
      return workCpuNanos / 1e6 / times.size();
    }

    double percentile(int p) {
      long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
      return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }
  }

  /** A database's statements run, transactions committed and size, as the server counts them. */
  record Counters(long statements, long transactions, long bytes) {
    static final Counters NONE = new Counters(0, 0, 0);

    Counters minus(Counters other) {
      return new Counters(statements - other.statements, transactions - other.transactions, bytes - other.bytes);
    }

    Counters plus(Counters other) {
      return new Counters(statements + other.statements, transactions + other.transactions, bytes + other.bytes);
    }
  }

  private static Counters counters(JdbcTemplate admin, String database) throws InterruptedException {
    Thread.sleep(1_100); // the backends' statistics reach the shared counters at most once a second
    admin.execute("SELECT pg_stat_clear_snapshot()");
    return admin.queryForObject("""
        SELECT (SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s WHERE s.dbid = d.oid),
          (SELECT xact_commit FROM pg_stat_database WHERE datid = d.oid), pg_database_size(d.oid)
        FROM pg_database d WHERE d.datname = ?""",
        (rs, row) -> new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3)), database);
  }

  private static long databaseBytes(JdbcTemplate admin, String database) {
    return admin.queryForObject("SELECT pg_database_size(?)", Long.class, database);
  }

  // ---- the application ----------------------------------------------------------------------------------------

  /** An instance of the application on one database of the server, as the tests' ApplicationIT configures it. */
  static ConfigurableApplicationContext start(SharedPostgres server, String database, boolean jobExecutor) {
    Map<String, Object> properties = new HashMap<>(server.properties(database));
    properties.putAll(Map.of(
        "server.port", "0",
        "camunda.bpm.job-execution.enabled", String.valueOf(jobExecutor),
        "prevent.notifications.dispatch-interval", "P3650D",
        "prevent.notifications.local-mailbox", "",
        "prevent.panel.schedule-initial-delay", "P3650D",
        // the template's referrals wait for the jobs their submissions leave: looked for often
        "camunda.bpm.job-execution.wait-time-in-millis", "50",
        "camunda.bpm.job-execution.max-wait", "200"));
    return new SpringApplicationBuilder(PreventCaseEngineApplication.class).profiles("demo")
        .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new));
  }

  private static String baseUrl(ConfigurableApplicationContext application) {
    return "http://localhost:" + application.getEnvironment().getProperty("local.server.port");
  }

  private static String variables(Map<String, Object> values) {
    String body = ReferralExamples.submitFormBody(values);
    return body.substring("{\"variables\":".length(), body.length() - 1);
  }

  private static Object answered(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the call was refused: " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** Signed in on the sign-in page as a browser is, with the webapps' CSRF header. */
  static final class Session {
    final String base;
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    Session(String base, String user) throws Exception {
      this.base = base;
      Matcher token = CSRF.matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      if (!token.find()) {
        throw new IllegalStateException("the sign-in page has no CSRF token");
      }
      client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
              "username=" + user + "&password=" + ApplicationIT.DEMO_PASSWORD + "&_csrf=" + token.group(1))).build(),
          HttpResponse.BodyHandlers.discarding());
      client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
          HttpResponse.BodyHandlers.discarding());
    }

    Object post(String path, String json) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept",
          "application/hal+json").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
      cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .findFirst().ifPresent(cookie -> request.header("X-XSRF-TOKEN", cookie.getValue()));
      return answered(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
  }

  private void line(String format, Object... values) {
    String text = values.length == 0 ? format : String.format(format, values);
    report.add(text);
    System.out.println(text);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
