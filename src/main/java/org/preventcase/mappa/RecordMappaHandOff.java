package org.preventcase.mappa;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.MappaAgreement;
import org.preventcase.vocabulary.MappaCategory;
import org.preventcase.vocabulary.MappaLevel;
import org.preventcase.vocabulary.MappaVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordMappaHandOff}`, the complete listener of the MAPPA coordinator's Task_HandOverToMappa: the
 * MAPPA category, the level, whether the MAPPA meeting agrees to Channel support alongside and the
 * coordinator's notes become one review entry of the case record by the coordinator (who may record
 * it, never view the case); the category, level and notes then leave the engine, the agreement stays
 * (the case process routes on it). The form check has already refused a missing or unknown value.
 */
@Component("recordMappaHandOff")
public class RecordMappaHandOff implements TaskListener {

  private final MappaEntries entries;

  public RecordMappaHandOff(CaseService cases, Actors actors) {
    this.entries = new MappaEntries(cases, actors);
  }

  @Override
  public void notify(DelegateTask task) {
    MappaCategory category = MappaEntries.numbered(task, MappaVariables.MAPPA_CATEGORY, MappaCategory.class);
    MappaLevel level = MappaEntries.numbered(task, MappaVariables.MAPPA_LEVEL, MappaLevel.class);
    MappaAgreement agreement = MappaAgreement.valueOf(String.valueOf(
        task.getVariable(MappaVariables.MAPPA_AGREES_TO_CHANNEL)));
    String details = String.join("\n", category.label(), level.label(),
        "Channel support alongside MAPPA: " + agreement.label());
    entries.record(task, new NewEntry(EntryKind.REVIEW, "Handed to MAPPA, which leads: " + category.label() + ", "
        + level.label(), MappaEntries.withNote(details, task.getVariable(MappaVariables.MAPPA_HAND_OFF_NOTE))),
        MappaVariables.MAPPA_CATEGORY, MappaVariables.MAPPA_LEVEL, MappaVariables.MAPPA_HAND_OFF_NOTE);
    task.getExecution().setVariable(MappaVariables.MAPPA_AGREES_TO_CHANNEL, agreement.name());
  }
}
