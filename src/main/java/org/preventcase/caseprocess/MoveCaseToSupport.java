package org.preventcase.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.vocabulary.SupportVariables;

/**
 * `${moveCaseToSupport}`, on the support stage's flow once consent is given: the case moves to stage
 * SUPPORT, but for support alongside MAPPA (supportAlongsideMappa, passed in by the case process),
 * where MAPPA leads and the case stays in stage MAPPA (docs/mappa.md).
 */
public class MoveCaseToSupport implements ExecutionListener {

  private final MoveCaseToStage move;

  public MoveCaseToSupport(MoveCaseToStage move) {
    this.move = move;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable(SupportVariables.SUPPORT_ALONGSIDE_MAPPA) == null) {
      move.notify(execution);
    }
  }
}
