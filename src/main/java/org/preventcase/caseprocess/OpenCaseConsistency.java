package org.preventcase.caseprocess;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An open case always has its process: every open case record has exactly one running case process
 * instance (business key = its reference, tenant = its authority) and every running case process
 * instance an open record. Checked on a schedule (prevent.consistency.check-interval) and raised to
 * managers as the health `openCases` (DEGRADED, with the references) and the metric
 * `prevent.cases.inconsistent`, never only a log line.
 */
@Component("openCasesHealthIndicator")
public class OpenCaseConsistency implements HealthIndicator, MeterBinder {

  public static final Status DEGRADED = new Status("DEGRADED",
      "open cases without their process, or processes without an open case");
  static final int SHOWN = 50;

  /** What the last check found: references only, never case data. */
  public record Findings(List<String> withoutProcess, List<String> withSeveralProcesses, List<String> withoutOpenCase) {
    public int total() {
      return withoutProcess.size() + withSeveralProcesses.size() + withoutOpenCase.size();
    }
  }

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private volatile Findings last = new Findings(List.of(), List.of(), List.of());

  public OpenCaseConsistency(JdbcTemplate jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  /** Runs the check now (the schedule calls it; so may a test) and keeps its findings for health and metric. */
  @Scheduled(initialDelayString = "${prevent.consistency.check-interval}",
      fixedDelayString = "${prevent.consistency.check-interval}")
  public Findings check() {
    Map<String, String> openCases = jdbc.query("SELECT reference, authority_code FROM case_file WHERE status = 'OPEN'",
        (row, n) -> Map.entry(row.getString(1), row.getString(2))).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, List<ProcessInstance>> running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(PreventCase.PROCESS_KEY).list().stream()
        .collect(Collectors.groupingBy(instance -> String.valueOf(instance.getBusinessKey()), Collectors.toList()));
    TreeSet<String> withoutProcess = new TreeSet<>();
    TreeSet<String> several = new TreeSet<>();
    openCases.forEach((reference, authority) -> {
      long ofItsAuthority = running.getOrDefault(reference, List.of()).stream()
          .filter(instance -> authority.equals(instance.getTenantId())).count();
      if (ofItsAuthority == 0) {
        withoutProcess.add(reference);
      } else if (ofItsAuthority > 1) {
        several.add(reference);
      }
    });
    TreeSet<String> withoutOpenCase = running.keySet().stream().filter(reference -> !openCases.containsKey(reference))
        .collect(Collectors.toCollection(TreeSet::new));
    last = new Findings(List.copyOf(withoutProcess), List.copyOf(several), List.copyOf(withoutOpenCase));
    return last;
  }

  @Override
  public Health health() {
    Findings found = last;
    Function<List<String>, List<String>> shown = references -> references.stream().limit(SHOWN).toList();
    return (found.total() > 0 ? Health.status(DEGRADED) : Health.up())
        .withDetail("openCasesWithoutProcess", shown.apply(found.withoutProcess()))
        .withDetail("openCasesWithSeveralProcesses", shown.apply(found.withSeveralProcesses()))
        .withDetail("processesWithoutOpenCase", shown.apply(found.withoutOpenCase()))
        .build();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("prevent.cases.inconsistent", this, check -> check.last.total())
        .description("Open cases without exactly one case process, and case processes without an open case")
        .register(registry);
  }
}
