package org.preventcase.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.casefile.PanelAssessment;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.AssessmentFramework;
import org.preventcase.vocabulary.CtRiskOwner;
import org.preventcase.vocabulary.PartnerAgency;
import org.preventcase.vocabulary.Susceptibility;
import org.springframework.stereotype.Component;

/**
 * `${recordPanelAssessment}`, the complete listener of the assessment task (process.md §3.3): the
 * panel's assessment becomes an ASSESSMENT entry (the summary, each dimension's rating and evidence)
 * with its judgements as codes, and each agency's contribution an entry of its own; every submitted
 * field then leaves the engine. The form check ({@link AssessmentRules}) has refused a rating off the
 * configured scale and an assessment without any agency's contribution; this listener only reads.
 */
@Component("recordPanelAssessment")
public class RecordPanelAssessment implements TaskListener {

  private final CaseService cases;
  private final Actors actors;
  private final PanelProperties properties;

  public RecordPanelAssessment(CaseService cases, Actors actors, PanelProperties properties) {
    this.cases = cases;
    this.actors = actors;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    var execution = task.getExecution();
    AssessmentFramework framework = required(Submitted.choice(execution, AssessmentForm.FRAMEWORK,
        AssessmentFramework.class), AssessmentForm.FRAMEWORK);
    Susceptibility susceptibility = required(Submitted.choice(execution, AssessmentForm.SUSCEPTIBILITY,
        Susceptibility.class), AssessmentForm.SUSCEPTIBILITY);
    CtRiskOwner owner = required(Submitted.choice(execution, AssessmentForm.CT_RISK_OWNER, CtRiskOwner.class),
        AssessmentForm.CT_RISK_OWNER);
    List<String> scale = OfferRatingScale.scaleValues(properties);
    Map<String, String> ratings = new LinkedHashMap<>();
    List<String> evidence = new ArrayList<>();
    for (PanelProperties.Choice dimension : properties.assessment().dimensions()) {
      String rating = required(Submitted.text(execution, AssessmentForm.rating(dimension.key())),
          AssessmentForm.rating(dimension.key()));
      ratings.put(dimension.key(), rating);
      String label = properties.assessment().scale().get(scale.indexOf(rating)).label();
      evidence.add(dimension.label() + ": " + label + Submitted.text(execution, AssessmentForm.evidence(dimension.key()))
          .map(text -> "\n" + text).orElse(""));
    }
    List<NewEntry> contributions = new ArrayList<>();
    for (PartnerAgency agency : PartnerAgency.values()) {
      Submitted.text(execution, AssessmentForm.contribution(agency)).ifPresent(text -> contributions.add(new NewEntry(
          EntryKind.ASSESSMENT, agency.label() + ": contribution to the multi-agency assessment", text)));
    }
    boolean otherNeeds = Boolean.TRUE.equals(execution.getVariable(AssessmentForm.OTHER_NEEDS));
    boolean mappa = Boolean.TRUE.equals(execution.getVariable(AssessmentForm.MAPPA_ELIGIBLE));
    boolean complete = !Boolean.TRUE.equals(execution.getVariable(AssessmentForm.INFORMATION_MISSING));
    String summary = required(Submitted.text(execution, AssessmentForm.SUMMARY), AssessmentForm.SUMMARY);
    long meetingId = Panel.meetingId(execution);
    String body = summary + "\n\n" + String.join("\n\n", evidence);
    cases.recordPanelAssessment(actors.acting(execution), Panel.caseReference(execution), meetingId,
        new PanelAssessment(framework, ratings, susceptibility, owner, otherNeeds, mappa, complete),
        new NewEntry(EntryKind.ASSESSMENT, "Multi-agency assessment (" + framework.name() + "): "
            + susceptibility.label() + "; counter-terrorism risk: " + owner.label(), body),
        contributions, new Purpose(Purpose.Code.TASK, task.getId()));
    List<String> fields = new ArrayList<>(List.of(AssessmentForm.FRAMEWORK, AssessmentForm.SUSCEPTIBILITY,
        AssessmentForm.CT_RISK_OWNER, AssessmentForm.OTHER_NEEDS, AssessmentForm.MAPPA_ELIGIBLE,
        AssessmentForm.INFORMATION_MISSING, AssessmentForm.SUMMARY));
    properties.assessment().dimensions().forEach(dimension -> fields.addAll(List.of(
        AssessmentForm.rating(dimension.key()), AssessmentForm.evidence(dimension.key()))));
    fields.addAll(java.util.Arrays.stream(PartnerAgency.values()).map(AssessmentForm::contribution)
        .collect(Collectors.toList()));
    Submitted.remove(execution, fields.toArray(String[]::new));
  }

  static <T> T required(java.util.Optional<T> value, String key) {
    return value.orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required"));
  }
}
