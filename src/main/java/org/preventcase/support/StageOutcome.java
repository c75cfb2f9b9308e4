package org.preventcase.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * A start listener of a stage's end event that tells the case process how the stage ended, as one
 * variable with one value (beans in {@link SupportBeans}: {@code ${supportExited}},
 * {@code ${reopenCase}}, {@code ${completePostExitReviews}}, {@code ${supportTransferredToPolice}}), or
 * one that keeps a fact a gateway needs ({@code ${markRiskEscalated}}, {@code ${clearRiskEscalation}}).
 */
public class StageOutcome implements ExecutionListener {

  private final String variable;
  private final Object value;

  public StageOutcome(String variable, Object value) {
    this.variable = variable;
    this.value = value;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(variable, value);
  }
}
