package org.preventcase.intake;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${nameTaskForCase}`, a create listener of every user task a referral or a case gives: the task's
 * name in Tasklist carries the case reference ("Screen referral and deconflict: PCE-…"), or, before
 * a case exists, the referral's number, so a queue shows what each task is about without claiming it.
 * The diagram's label stays the plain task name.
 */
@Component("nameTaskForCase")
public class NameTaskForCase implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setName(name(task.getName(), task.getVariable(IntakeVariables.CASE_REF),
        task.getVariable(IntakeVariables.REFERRAL_ID)));
  }

  static String name(String taskName, Object caseReference, Object referralId) {
    if (caseReference != null) {
      return taskName + ": " + caseReference;
    }
    return referralId == null ? taskName : taskName + ": referral " + referralId;
  }
}
