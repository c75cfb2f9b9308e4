package org.preventcase.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.ConsultationOutcome;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * `${recordConsentConsultation}`, the complete listener of Task_ConsultOnConsent (form
 * consent-consultation): whom the coordinator consulted (legal advice, children's services), what
 * they advised, and the outcome, as a NOTE entry; consultationOutcome (SEEK_CONSENT_AGAIN or
 * NO_SUPPORT) routes on.
 */
@Component("recordConsentConsultation")
public class RecordConsentConsultation implements TaskListener {

  static final String ADVICE = "consultationAdvice";
  private final SupportEntries entries;

  public RecordConsentConsultation(CaseService cases, Actors actors) {
    this.entries = new SupportEntries(cases, actors);
  }

  @Override
  public void notify(DelegateTask task) {
    ConsultationOutcome outcome = SupportEntries.choice(task, SupportVariables.CONSULTATION_OUTCOME,
        ConsultationOutcome.class);
    entries.record(task, new NewEntry(EntryKind.NOTE, "Consultation on consent: " + outcome.label(),
        SupportEntries.text(task, ADVICE)), ADVICE);
    task.getExecution().setVariable(SupportVariables.CONSULTATION_OUTCOME, outcome.name());
  }
}
