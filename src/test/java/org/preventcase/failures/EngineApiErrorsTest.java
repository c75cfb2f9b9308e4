package org.preventcase.failures;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** What the engine APIs answer for each kind of failure: a status that tells the truth, and no internals. */
class EngineApiErrorsTest {

  static String body(Throwable failure) {
    return (String) EngineApiErrors.response(failure).getEntity();
  }

  @Test
  void aLostRaceIs409WithoutTheEnginesStatement() {
    var race = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[4711]' failed. "
        + "Entity was updated by another transaction concurrently.");
    var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR, race, "Cannot complete task 4711: " + race.getMessage());
    for (Throwable failure : new Throwable[] {race, wrapped}) {
      assertThat(EngineApiErrors.response(failure).getStatus()).isEqualTo(409);
      assertThat(body(failure)).contains("Someone else changed this at the same moment")
          .doesNotContain("TaskEntity", "UPDATE", "4711", "ENGINE-");
    }
    var claimed = new TaskAlreadyClaimedException("4711", "demo-police");
    assertThat(EngineApiErrors.response(claimed).getStatus()).isEqualTo(409);
    assertThat(body(claimed)).doesNotContain("demo-police", "4711");
  }

  @Test
  void theDatabaseOutOfReachIs503WithRetryAfter() {
    var outage = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
        new RuntimeException(new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
    Response response = EngineApiErrors.response(outage);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo(Outages.RETRY_AFTER_SECONDS);
    assertThat(body(outage)).doesNotContain("Hikari", "ENGINE-");
    assertThat(Outages.isDatabaseOutage(new SQLException("connection refused", "08001"))).isTrue();
    assertThat(Outages.isDatabaseOutage(new SQLException("duplicate key", "23505"))).isFalse();
  }

  @Test
  void aRefusalOfTheCaseEngineKeepsItsStatusAndPlainMessageWhereverItIsInTheChain() {
    class Claimed extends ProcessEngineException implements Refusal {
      Claimed() {
        super("This task has been claimed by someone else: only they can complete it.");
      }

      public int status() {
        return 409;
      }
    }
    var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("ENGINE-03051 listener failed", new Claimed()), "Cannot complete task 4711: ...");
    assertThat(EngineApiErrors.response(wrapped).getStatus()).isEqualTo(409);
    assertThat(body(wrapped)).contains("\"message\":\"This task has been claimed by someone else: only they can complete it.\"")
        .doesNotContain("4711", "ENGINE-");
  }

  @Test
  void otherFailuresKeepCamundasStatusWithAFixedMessage() {
    var sql = new ProcessEngineException("ENGINE-03083 SELECT * FROM ACT_RU_TASK WHERE ID_ = 'x' failed: org.postgresql.PSQLException");
    assertThat(EngineApiErrors.response(sql).getStatus()).isEqualTo(500);
    assertThat(body(sql)).contains("Sorry, there is a problem with the service").doesNotContain("SELECT", "ACT_RU", "org.");
    var invalid = new InvalidRequestException(Response.Status.BAD_REQUEST, "Cannot convert value 'Ada Pell' of type 'Date'");
    assertThat(EngineApiErrors.response(invalid).getStatus()).isEqualTo(400);
    assertThat(body(invalid)).doesNotContain("Ada Pell", "Date'");
    var forbidden = new AuthorizationException("demo-police", "UPDATE", "Task", "4711");
    assertThat(EngineApiErrors.response(forbidden).getStatus()).isEqualTo(403);
    assertThat(body(forbidden)).doesNotContain("4711", "demo-police");
  }
}
