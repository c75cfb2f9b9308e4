package org.preventcase.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.boardreport.BoardReport;
import org.preventcase.boardreport.Figure;
import org.preventcase.boardreport.StatisticsYear;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * A synthetic quarter replayed through the real models and delegates on the virtual clock, on PostgreSQL (the
 * what-if profile's own context and embedded database): its board report gives the funnel the completion
 * policies ask for (about 20% discussed at a panel, about 17% adopted, process.md §6.8), every referral
 * screened, the panel's meetings held by their own timers, nothing sent, and the clock given back.
 */
@ActiveProfiles({"demo", WhatIfRun.PROFILE})
class WhatIfQuarterIT extends ApplicationIT {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String AUTHORITY = "E06000031";
  static final int REFERRALS = 100;
  static final int Q1 = 0;

  @Autowired WhatIfRun run;
  @Autowired WhatIfReport report;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  static double shown(Figure figure) {
    assertThat(figure.shown()).as("a count the report shows: " + figure.text()).isTrue();
    return figure.number();
  }

  static double line(BoardReport.Table table, String code) {
    return shown(table.lines().stream().filter(line -> line.code().equals(code)).findFirst().orElseThrow()
        .figures().get(Q1));
  }

  /** Within two and a half standard deviations of a binomial proportion over the quarter's referrals. */
  static double tolerance(double proportion) {
    return 2.5 * Math.sqrt(proportion * (1 - proportion) / REFERRALS);
  }

  @Test
  void theRunsEngineIsRegisteredUnderItsOwnNameNotTheApplicationsDefault() {
    assertThat(engine.getName()).isEqualTo("whatIf");
    assertThat(ProcessEngines.getProcessEngine("whatIf")).isSameAs(engine);
  }

  @Test
  void aSyntheticQuarterReplayedThroughTheModelsGivesTheFunnelProportionsAskedFor() {
    LocalDate april = LocalDate.of(2024, 4, 1);
    List<SyntheticReferral> referrals = SyntheticYear.generate(april, 3, REFERRALS, 42);
    WhatIfRun.Plan plan = new WhatIfRun.Plan(AUTHORITY, referrals, april.atStartOfDay(LONDON).toInstant(),
        april.plusMonths(7).atStartOfDay(LONDON).toInstant(), 42);
    int[] told = new int[1];

    WhatIfRun.Result result = run.run(plan, (now, referred, of, tasks) -> told[0] = referred);

    assertThat(told[0]).as("the progress saw every referral").isEqualTo(REFERRALS);
    assertThat(Duration.between(Instant.now(), org.preventcase.engine.VirtualClock.now()).abs())
        .as("the engine's clock is given back to real time").isLessThan(Duration.ofMinutes(1));
    assertThat(result.incidents()).as("no job failed for good").isZero();
    assertThat(result.jobFailures()).isZero();
    assertThat(result.referrals()).isEqualTo(REFERRALS);

    BoardReport board = report.boardReport(AUTHORITY, StatisticsYear.parse("2024/25"));
    assertThat(shown(board.referrals().figures().get(Q1))).isEqualTo(REFERRALS);
    double discussed = line(board.table("funnel"), "DISCUSSED_AT_PANEL") / REFERRALS;
    double adopted = line(board.table("funnel"), "ADOPTED") / REFERRALS;
    assertThat(discussed).as("discussed at a Channel panel").isCloseTo(0.20, within(tolerance(0.20)));
    assertThat(adopted).as("adopted as a Channel case").isCloseTo(0.17, within(tolerance(0.17)));
    double signposted = line(board.table("gateway-outcome"), "SIGNPOSTED");
    double closed = line(board.table("gateway-outcome"), "NFA_CLOSED");
    assertThat(signposted / closed).as("signposted to no further action, about 1.4 to 1").isBetween(1.0, 2.0);
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM referral_statistics WHERE authority_code = ? AND gateway_outcome IS NULL
          AND closure_reason IS NULL""", Long.class, AUTHORITY))
        .as("every referral screened, or closed at deconfliction as part of a live investigation").isZero();

    List<WhatIfReport.MeetingLoad> load = report.panelLoad(AUTHORITY);
    assertThat(load).filteredOn(meeting -> meeting.status().equals("MINUTES_FINAL")).as("meetings held by their timers")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(load).allSatisfy(meeting -> assertThat(meeting.toDecide()).isLessThanOrEqualTo(meeting.capacity()));
    assertThat(load.stream().mapToInt(WhatIfReport.MeetingLoad::reviews).sum()).as("adopted cases reviewed")
        .isPositive();
    assertThat(result.queues()).hasSizeGreaterThan(200);
    assertThat(result.completedByTask()).containsKeys("Task_ScreenReferral", "Task_DecideCase", "Task_RecordAttendance");

    WhatIfReport.Outbox outbox = report.outbox(AUTHORITY);
    assertThat(outbox.queued()).as("the models queue their notices").isPositive();
    assertThat(outbox.sent()).as("a what-if run sends nothing").isZero();
  }
}
