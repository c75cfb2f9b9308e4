package org.preventcase.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.preventcase.authority.AuthoritiesProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The operations team's metrics on /actuator/prometheus (docs/dashboard.md, "Metrics"), for the
 * prevent-metrics scraper: open cases by authority and stage, overdue tasks by authority and group, stage
 * targets passed this quarter by authority and stage, the job executor's backlog, open incidents. Labels
 * are authority codes, stages and group ids only: never a case reference or anything about a person.
 * The per-authority figures are read again every prevent.metrics.refresh-interval (the same queries as the
 * dashboard), so a scrape never runs them.
 */
@Component
public class OperationsMetrics implements MeterBinder {

  private final DashboardFigures figures;
  private final AuthoritiesProperties configured;
  private final JdbcClient jdbc;
  private final ManagementService management;
  private final RuntimeService runtime;
  private MultiGauge openCases;
  private MultiGauge overdueTasks;
  private MultiGauge slaBreaches;

  OperationsMetrics(DashboardFigures figures, AuthoritiesProperties configured, JdbcClient jdbc,
      ManagementService management, RuntimeService runtime) {
    this.figures = figures;
    this.configured = configured;
    this.jdbc = jdbc;
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    openCases = MultiGauge.builder("prevent.cases.open").description("Open cases by authority and stage")
        .register(registry);
    overdueTasks = MultiGauge.builder("prevent.tasks.overdue")
        .description("Open tasks past their due date, by authority and the group they are offered to").register(registry);
    slaBreaches = MultiGauge.builder("prevent.sla.breaches")
        .description("Stage targets and information requests passed this quarter, by authority and stage")
        .register(registry);
    Gauge.builder("prevent.jobs.backlog", management, engine -> engine.createJobQuery().executable().count())
        .description("Engine jobs due and waiting for the job executor").register(registry);
    Gauge.builder("prevent.incidents.open", runtime, engine -> engine.createIncidentQuery().count())
        .description("Open incidents in the engine (failed jobs and the like)").register(registry);
  }

  /** Reads the per-authority figures again (the schedule calls it; so may a test). */
  @Scheduled(initialDelayString = "${prevent.metrics.refresh-interval}", fixedDelayString = "${prevent.metrics.refresh-interval}")
  public void refresh() {
    List<MultiGauge.Row<?>> cases = new ArrayList<>();
    List<MultiGauge.Row<?>> tasks = new ArrayList<>();
    List<MultiGauge.Row<?>> breaches = new ArrayList<>();
    for (String authority : authorities()) {
      DashboardFigures.Figures now = figures.of(authority);
      now.openCasesByStage().forEach(stage -> cases.add(MultiGauge.Row.of(
          Tags.of("authority", authority, "stage", stage.code()), stage.count())));
      now.tasksByGroup().forEach(group -> tasks.add(MultiGauge.Row.of(
          Tags.of("authority", authority, "group", group.group()), group.overdue())));
      now.slaBreachesByStage().forEach(stage -> breaches.add(MultiGauge.Row.of(
          Tags.of("authority", authority, "stage", stage.code()), stage.count())));
    }
    openCases.register(cases, true);
    overdueTasks.register(tasks, true);
    slaBreaches.register(breaches, true);
  }

  /** The configured authorities and every authority holding an open case. */
  private Set<String> authorities() {
    Set<String> codes = new TreeSet<>(jdbc.sql("SELECT DISTINCT authority_code FROM case_file WHERE status = 'OPEN'")
        .query(String.class).list());
    configured.authorities().forEach(authority -> codes.add(authority.code()));
    return codes;
  }
}
