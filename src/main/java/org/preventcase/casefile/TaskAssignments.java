package org.preventcase.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.preventcase.engine.SignedInUser;
import org.preventcase.security.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each claim, assignment and giving back of a task (table task_assignment) for the case's
 * chronology: the engine's history at level "activity" keeps only a task's last assignee. The
 * Spring Boot starter publishes the engine's task events; this runs inside the engine's command, so
 * the row is written or rolled back with the assignment itself. Only user ids and times: no case data.
 */
@Component
class TaskAssignments {

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final Clock clock;

  TaskAssignments(JdbcClient jdbc, IdentityService identity, Clock clock) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.clock = clock;
  }

  /** Camunda publishes every event of every task; only an assignment is this record's (tested in Java, not SpEL). */
  @EventListener
  void assigned(TaskEvent task) {
    if (!TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      return;
    }
    jdbc.sql("""
            INSERT INTO task_assignment (task_id, tenant_id, assignee, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)""")
        .params(task.getId(), task.getTenantId(), task.getAssignee(),
            SignedInUser.id(identity).orElse(Actor.SYSTEM_ENGINE), Timestamp.from(clock.instant()))
        .update();
  }
}
