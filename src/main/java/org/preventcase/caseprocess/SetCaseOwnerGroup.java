package org.preventcase.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.vocabulary.GatewayVariables;

/**
 * `${setCaseOwnerGroup}`, an end listener of the case's start event: caseOwnerGroup, the candidate
 * group of every case-owner task, from the delivery model of the case's authority (its tenant).
 */
public class SetCaseOwnerGroup implements ExecutionListener {

  private final DeliveryModels models;

  public SetCaseOwnerGroup(DeliveryModels models) {
    this.models = models;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(GatewayVariables.CASE_OWNER_GROUP, models.of(execution.getTenantId()).caseOwnerGroup());
  }
}
