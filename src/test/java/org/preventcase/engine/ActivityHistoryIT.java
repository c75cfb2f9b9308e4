package org.preventcase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's activity history keeps the work and leaves out the flow's plumbing (ActivityHistoryPlugin). */
class ActivityHistoryIT extends ApplicationIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;

  @Test
  void aDeconflictedCaseHistoryKeepsItsTasksAndCallsButNoGatewayOrPlainEvent() {
    String reference = caseAwaitingScreening("Histkeep");

    List<String> types = jdbc.queryForList("""
        SELECT DISTINCT a.act_type_ FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.root_proc_inst_id_
        WHERE p.business_key_ = ?""", String.class, reference);
    assertThat(types).as("the case's activity history")
        .contains(ActivityTypes.TASK_USER_TASK, ActivityTypes.CALL_ACTIVITY, ActivityTypes.SUB_PROCESS)
        .doesNotContainAnyElementsOf(ActivityHistoryPlugin.NOT_KEPT);
    assertThat(history.createHistoricActivityInstanceQuery().activityId("Task_DeconflictReferral").finished()
        .list()).as("the deconfliction, through the engine's history API")
        .anySatisfy(done -> assertThat(done.getAssignee()).isEqualTo("demo-police"));
    assertThat(jdbc.queryForList("SELECT start_act_id_ FROM act_hi_procinst WHERE business_key_ = ? "
        + "AND proc_def_key_ = 'prevent-case'", String.class, reference))
        .as("where the case process started, on its own history row").containsExactly("StartEvent_CaseOpened");
  }
}
