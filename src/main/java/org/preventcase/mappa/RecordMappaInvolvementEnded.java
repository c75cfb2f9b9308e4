package org.preventcase.mappa;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.MappaVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordMappaInvolvementEnded}`, the complete listener of Task_LiaiseWithMappa: MAPPA has closed its
 * involvement; the MAPPA coordinator's confirmation and what MAPPA told Prevent become a review entry
 * of the case record, and leave the engine. The case then closes as MAPPA (once any Channel support
 * alongside has ended).
 */
@Component("recordMappaInvolvementEnded")
public class RecordMappaInvolvementEnded implements TaskListener {

  private final MappaEntries entries;

  public RecordMappaInvolvementEnded(CaseService cases, Actors actors) {
    this.entries = new MappaEntries(cases, actors);
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(MappaVariables.MAPPA_INVOLVEMENT_ENDED))) {
      throw new IllegalArgumentException("Confirm that MAPPA has closed its involvement");
    }
    entries.record(task, new NewEntry(EntryKind.REVIEW, "MAPPA closed its involvement",
        MappaEntries.withNote(null, task.getVariable(MappaVariables.MAPPA_LIAISON_NOTE))),
        MappaVariables.MAPPA_INVOLVEMENT_ENDED, MappaVariables.MAPPA_LIAISON_NOTE);
  }
}
