package org.preventcase.mappa;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.NumberedOption;

/** How the MAPPA coordinator's tasks write to the case record: a review entry, then the submitted fields leave the engine. */
final class MappaEntries {

  private final CaseService cases;
  private final Actors actors;

  MappaEntries(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  void record(DelegateTask task, NewEntry entry, String... submitted) {
    cases.addReview(actors.acting(task.getExecution()), (String) task.getVariable(IntakeVariables.CASE_REF), entry,
        new Purpose(Purpose.Code.TASK, task.getId()));
    for (String name : submitted) {
      task.getExecution().removeVariable(name);
    }
  }

  /** The numbered option the form submitted (the form check refused any other value before the command). */
  static <E extends Enum<E> & NumberedOption> E numbered(DelegateTask task, String key, Class<E> options) {
    return NumberedOption.of(options, task.getVariable(key))
        .orElseThrow(() -> new IllegalArgumentException("The form's " + key + " was not checked"));
  }

  /** The details, then the coordinator's note as written (blank notes dropped). */
  static String withNote(String details, Object note) {
    String written = note == null || String.valueOf(note).isBlank() ? null : String.valueOf(note);
    if (details == null) {
      return written;
    }
    return written == null ? details : details + "\n\n" + written;
  }
}
