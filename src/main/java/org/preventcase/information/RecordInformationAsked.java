package org.preventcase.information;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.PartnerAgency;
import org.springframework.stereotype.Component;

/**
 * `${recordInformationAsked}`, when the case owner completes "Select the agencies to ask": what is
 * asked goes into the case record (an entry, which every agency's page shows) and leaves the engine;
 * the agencies asked stay, as the list of codes the requests run over.
 */
@Component("recordInformationAsked")
class RecordInformationAsked implements TaskListener {

  private final CaseService cases;
  private final Actors actors;

  RecordInformationAsked(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    List<PartnerAgency> agencies = Submitted.choices(task, InformationGathering.AGENCIES_TO_ASK, PartnerAgency.class);
    String asked = Submitted.text(task, InformationGathering.INFORMATION_ASKED).orElseThrow(() ->
        new IllegalArgumentException("Describe what you want the agencies to tell you"));
    if (agencies.isEmpty()) {
      throw new IllegalArgumentException("Select at least one agency to ask");
    }
    long entry = cases.askForInformation(actors.acting(task.getExecution()), InformationGathering.caseReference(task),
        agencies, asked, new Purpose(Purpose.Code.TASK, task.getId()));
    Submitted.remove(task, InformationGathering.INFORMATION_ASKED, InformationGathering.AGENCIES_TO_ASK);
    task.setVariable(InformationGathering.AGENCIES_TO_ASK, Variables.objectValue(new ArrayList<>(
        agencies.stream().map(PartnerAgency::name).toList())).serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create());
    task.setVariable(InformationGathering.ASKED_ENTRY_ID, entry);
  }
}
