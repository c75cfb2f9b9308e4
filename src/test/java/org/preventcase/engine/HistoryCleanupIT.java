package org.preventcase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup runs on its own: the configured nightly window schedules the engine's cleanup
 * job, and removal-time based cleanup removes a finished instance once its time-to-live (P400D)
 * has passed since it ended.
 */
class HistoryCleanupIT extends ApplicationIT {

  static final String MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
        <process id="history-cleanup-test" isExecutable="true">
          <startEvent id="Start" />
          <sequenceFlow id="ToEnd" sourceRef="Start" targetRef="End" />
          <endEvent id="End" />
        </process>
      </definitions>
      """;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TestClock clock;
  Instant started = null;

  @AfterEach
  void theClockGoesBack() {
    if (started != null) {
      clock.set(started);
    }
  }

  @Test
  void theCleanupJobIsScheduledInTheConfiguredNightlyWindow() {
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    });
  }

  @Test
  void cleanupRemovesAFinishedInstanceWhoseTimeToLiveHasPassed() {
    repository.createDeployment().name("history-cleanup-test").addString("history-cleanup-test.bpmn", MODEL).deploy();
    String ended = runtime.startProcessInstanceByKey("history-cleanup-test").getId();
    HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(ended)
        .singleResult();
    assertThat(finished.getRemovalTime().toInstant())
        .isEqualTo(finished.getEndTime().toInstant().plus(Duration.ofDays(400)));

    started = clock.instant();
    clock.advance(Duration.ofDays(399));
    Job notYet = history.cleanUpHistoryAsync(true);
    management.executeJob(notYet.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).isOne();

    clock.advance(Duration.ofDays(2));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).isZero();
  }
}
