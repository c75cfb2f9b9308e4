package org.preventcase.whatif;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.boardreport.StatisticsYear;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: how long a national what-if year (8,778 referrals, 2024/25, replayed to the end of June 2025)
 * takes on this machine, per referral and per task, and where the time went; the run's report with it. Reports,
 * asserts nothing. Runs only with the bench profile: ./mvnw verify -Pbench -Dit.test=WhatIfYearBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false ({@code -Dwhatif.referrals=} for another number). Report:
 * stdout and target/bench/what-if/summary.md.
 */
@ActiveProfiles({"demo", WhatIfRun.PROFILE})
class WhatIfYearBenchmark extends ApplicationIT {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired WhatIfRun run;
  @Autowired WhatIfReport report;

  @Test
  void reportHowLongANationalYearTakes() throws Exception {
    int count = Integer.getInteger("whatif.referrals", 8778);
    StatisticsYear year = StatisticsYear.parse("2024/25");
    List<SyntheticReferral> referrals = SyntheticYear.generate(year.start(), 12, count, 2025);
    WhatIfRun.Plan plan = new WhatIfRun.Plan("E06000031", referrals, year.start().atStartOfDay(LONDON).toInstant(),
        LocalDate.of(2025, 7, 1).atStartOfDay(LONDON).toInstant(), 2025);
    OperatingSystemMXBean machine = ManagementFactory.getOperatingSystemMXBean();
    List<Double> load = new ArrayList<>(List.of(machine.getSystemLoadAverage()));
    long began = System.nanoTime();
    long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    int[] next = {1000};
    WhatIfRun.Result result = run.run(plan, (now, referred, of, tasks) -> {
      if (referred >= next[0]) { // how the pace holds as the year's cases pile up
        next[0] += 1000;
        load.add(machine.getSystemLoadAverage());
        System.out.printf("  %d referrals in, %s, %d tasks completed, %d s, load average %.1f%n", referred,
            LocalDate.ofInstant(now, LONDON), tasks, Duration.ofNanos(System.nanoTime() - began).toSeconds(),
            load.get(load.size() - 1));
      }
    });
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    // the replay's own thread's processor time: less shaken than the wall clock by other work on the machine
    Duration cpu = Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore);
    load.add(machine.getSystemLoadAverage());
    Path summary = report.write(Path.of("target", "bench", "what-if"), plan, year, "benchmark, seed 2025", result, took);
    System.out.printf("""
        What-if year of %d referrals on PostgreSQL (embedded), %d tasks completed, %d jobs run:
          took:          %d min %d s (the replay's thread on a processor %d min %d s)
          per referral:  %.0f ms
          per task:      %.1f ms (task completions only)
          load average:  %s (1 minute, at the start, every 1,000 referrals and at the end; 2 cores)
          spent:         %s
          report:        %s
        """, count, result.tasksCompleted(), result.jobsRun(), took.toMinutes(), took.toSecondsPart(), cpu.toMinutes(),
        cpu.toSecondsPart(), took.toMillis() / (double) count, result.timeSpent().get("task completion").toNanos() / 1e6
            / Math.max(1, result.tasksCompleted()), load.stream().map(value -> String.format("%.1f", value)).toList(),
        result.timeSpent(), summary.toAbsolutePath());
  }
}
