package org.preventcase.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.NewEntry;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;

/**
 * How the support stage's tasks write to the case record: an entry by whoever completed the task
 * (purpose TASK), then the submitted fields leave the engine; and the required fields, refused by
 * name (never by value) when they reach a listener unchecked.
 */
final class SupportEntries {

  private final CaseService cases;
  private final Actors actors;

  SupportEntries(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  void record(DelegateTask task, NewEntry entry, String... submitted) {
    cases.addEntry(actors.acting(task.getExecution()), reference(task), entry, new Purpose(Purpose.Code.TASK, task.getId()));
    Submitted.remove(task.getExecution(), submitted);
  }

  static String reference(DelegateTask task) {
    return (String) task.getVariable(IntakeVariables.CASE_REF);
  }

  static String text(DelegateTask task, String key) {
    return Submitted.text(task.getExecution(), key)
        .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required"));
  }

  static <T extends Enum<T> & org.preventcase.vocabulary.FormOption> T choice(DelegateTask task, String key,
      Class<T> options) {
    return Submitted.choice(task.getExecution(), key, options)
        .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required"));
  }
}
