package org.preventcase.intake;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * `${nameTaskForCase}`, a create listener of every user task a referral or a case gives: the task's
 * name in Tasklist carries the case reference ("Screen referral and deconflict: E06000031-2026-00042"),
 * or, before a case exists, the referral's number, so a queue shows what each task is about without
 * claiming it. The diagram's label stays the plain task name. The facts a Tasklist card shows
 * ({@link #CARD}: non-identifying words) are copied onto the task as local variables, which the
 * task's candidates may read (a card reads no process variable without READ on the whole instance).
 */
@Component("nameTaskForCase")
public class NameTaskForCase implements TaskListener {

  static final List<String> CARD = List.of(IntakeVariables.CASE_REF, IntakeVariables.REFERRAL_ID,
      IntakeVariables.URGENCY_LABEL, IntakeVariables.CONCERN_TYPE_LABEL, IntakeVariables.AGE_BAND_LABEL);

  @Override
  public void notify(DelegateTask task) {
    task.setName(name(task.getName(), task.getVariable(IntakeVariables.CASE_REF),
        task.getVariable(IntakeVariables.REFERRAL_ID)));
    CARD.forEach(name -> {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    });
  }

  static String name(String taskName, Object caseReference, Object referralId) {
    if (caseReference != null) {
      return taskName + ": " + caseReference;
    }
    return referralId == null ? taskName : taskName + ": referral " + referralId;
  }
}
