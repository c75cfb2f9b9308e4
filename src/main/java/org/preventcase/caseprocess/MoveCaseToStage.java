package org.preventcase.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.CaseStatus;
import org.preventcase.casefile.Stage;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;

/**
 * A start listener of the activity where a stage begins (one bean per stage: {@code ${moveCaseToGateway}},
 * ...): the open case's record moves to that stage, which the case list and the referrer's neutral
 * status read.
 */
public class MoveCaseToStage implements ExecutionListener {

  private final CaseService cases;
  private final Actors actors;
  private final Stage stage;

  public MoveCaseToStage(CaseService cases, Actors actors, Stage stage) {
    this.cases = cases;
    this.actors = actors;
    this.stage = stage;
  }

  public Stage stage() {
    return stage;
  }

  @Override
  public void notify(DelegateExecution execution) {
    cases.changeStage(actors.acting(execution), (String) execution.getVariable(IntakeVariables.CASE_REF), stage,
        CaseStatus.OPEN, new Purpose(Purpose.Code.PROCESS, "stage " + stage.name()));
  }
}
