package org.preventcase.support;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.InterventionType;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordSupportPlan}`, the complete listener of Task_PrepareSupportPlan and Task_RevisePlan (form
 * support-plan): the plan's four items s36(5) requires (how, when and by whom consent is sought; the
 * support; who provides it; how and when) and its interventions with their owners and dates become a
 * PLAN entry; a revision is a new entry, the earlier plan stays. The interventions are allocated to the
 * intervention provider the plan names (a user id), who alone then records contacts on the case. Only
 * the number of interventions, the provider's user id and whether the plan doubts the person's capacity
 * to consent stay in the engine.
 */
@Component("recordSupportPlan")
public class RecordSupportPlan implements TaskListener {

  static final String CONSENT_APPROACH = "consentApproach";
  static final String SUPPORT_NATURE = "supportNature";
  static final String SUPPORT_PROVIDERS = "supportProviders";
  static final String SUPPORT_DELIVERY = "supportDelivery";
  static final String INTERVENTION_TYPES = "interventionTypes";
  static final String INTERVENTION_DETAILS = "interventionDetails";
  static final String REVISION = "Task_RevisePlan";
  private final SupportEntries entries;
  private final CaseService cases;
  private final Actors actors;

  public RecordSupportPlan(CaseService cases, Actors actors) {
    this.entries = new SupportEntries(cases, actors);
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    List<InterventionType> interventions = Submitted.choices(task.getExecution(), INTERVENTION_TYPES,
        InterventionType.class);
    if (interventions.isEmpty()) {
      throw new IllegalArgumentException("'" + INTERVENTION_TYPES + "' needs at least one intervention");
    }
    String body = String.join("\n\n",
        "How, when and by whom consent is sought: " + SupportEntries.text(task, CONSENT_APPROACH),
        "The support: " + SupportEntries.text(task, SUPPORT_NATURE),
        "Who provides it: " + SupportEntries.text(task, SUPPORT_PROVIDERS),
        "How and when it is provided: " + SupportEntries.text(task, SUPPORT_DELIVERY),
        "Interventions: " + interventions.stream().map(InterventionType::label).collect(Collectors.joining("; ")),
        "Owners and dates: " + SupportEntries.text(task, INTERVENTION_DETAILS),
        "Allocated to the intervention provider: " + SupportEntries.text(task, SupportVariables.INTERVENTION_PROVIDER).strip());
    String provider = SupportEntries.text(task, SupportVariables.INTERVENTION_PROVIDER).strip();
    cases.allocateToProvider(actors.acting(task.getExecution()), SupportEntries.reference(task), provider,
        new Purpose(Purpose.Code.TASK, task.getId()));
    boolean capacityInDoubt = Boolean.TRUE.equals(task.getVariable(SupportVariables.CAPACITY_IN_DOUBT));
    String summary = (REVISION.equals(task.getTaskDefinitionKey()) ? "Support plan revised: " : "Support plan: ")
        + interventions.size() + (interventions.size() == 1 ? " intervention" : " interventions");
    entries.record(task, new NewEntry(EntryKind.PLAN, summary, body), CONSENT_APPROACH, SUPPORT_NATURE,
        SUPPORT_PROVIDERS, SUPPORT_DELIVERY, INTERVENTION_TYPES, INTERVENTION_DETAILS);
    task.getExecution().setVariable(SupportVariables.INTERVENTION_COUNT, interventions.size());
    task.getExecution().setVariable(SupportVariables.CAPACITY_IN_DOUBT, capacityInDoubt);
    task.getExecution().setVariable(SupportVariables.INTERVENTION_PROVIDER, provider);
    // last: a revised plan's version starts its interventions (Event_PlanRevised), which read the two above
    Object version = task.getVariable(SupportVariables.PLAN_VERSION);
    task.getExecution().setVariable(SupportVariables.PLAN_VERSION, version == null ? 1 : ((Number) version).intValue() + 1);
  }
}
