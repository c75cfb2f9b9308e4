package org.preventcase.intake;

import org.preventcase.vocabulary.AgeBand;
import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.ReferrerSector;
import org.preventcase.vocabulary.Answer;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.MappaVariables;
import org.preventcase.vocabulary.Urgency;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.preventcase.casefile.CaseService;
import org.preventcase.formcheck.DeployedForms;
import org.preventcase.security.Actors;
import org.springframework.stereotype.Component;

/**
 * The intake's start listener (`${recordReferral}`, no asyncBefore): validates the submitted
 * referral against the start form of the very definition started (its schema and rules), records it and its person in the case record and removes every submitted variable in the
 * same transaction, leaving only the referral id and the non-identifying facts of {@link IntakeVariables}.
 * A referral that fails validation is refused with a message naming the fields; nothing is stored.
 */
@Component("recordReferral")
public class RecordReferral implements ExecutionListener {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private final ReferralValidator validator;
  private final DeployedForms forms;
  private final CaseService cases;
  private final Actors actors;
  private final Clock clock;

  public RecordReferral(ReferralValidator validator, DeployedForms forms, CaseService cases, Actors actors, Clock clock) {
    this.validator = validator;
    this.forms = forms;
    this.cases = cases;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> submitted = submittedValues(execution);
    Object through = submitted.remove(IntakeVariables.SUBMITTED_THROUGH);
    ValidReferral referral = validator.validate(forms.startForm(execution.getProcessDefinitionId()), submitted);
    var actor = actors.acting(execution);
    OffsetDateTime receivedAt = OffsetDateTime.now(clock);
    var recorded = ReferralCase.of(referral, execution.getTenantId(), actor.userId(), receivedAt,
        "API".equals(through) ? "API" : "FORM");
    long referralId = cases.recordReferral(actor, execution.getTenantId(), recorded.person(), recorded.referral());

    execution.removeVariables(execution.getVariableNames());
    execution.setVariable(IntakeVariables.REFERRAL_ID, referralId);
    execution.setVariable(IntakeVariables.TASK_PRIORITY,
        Urgency.valueOf(referral.text(ReferralField.URGENCY)).taskPriority());
    Urgency urgency = Urgency.valueOf(referral.text(ReferralField.URGENCY));
    ConcernType concern = ConcernType.valueOf(referral.text(ReferralField.CONCERN_TYPE));
    ReferrerSector sector = ReferrerSector.valueOf(referral.text(ReferralField.REFERRER_SECTOR));
    AgeBand ageBand = ageBand(referral, LocalDate.ofInstant(receivedAt.toInstant(), LONDON));
    execution.setVariable(IntakeVariables.CONCERN_TYPE, concern.name());
    execution.setVariable(IntakeVariables.URGENCY, urgency.name());
    execution.setVariable(IntakeVariables.REFERRER_SECTOR, sector.name());
    execution.setVariable(IntakeVariables.AGE_BAND, ageBand.name());
    execution.setVariable(IntakeVariables.CONCERN_TYPE_LABEL, concern.label());
    execution.setVariable(IntakeVariables.URGENCY_LABEL, urgency.word());
    execution.setVariable(IntakeVariables.REFERRER_SECTOR_LABEL, sector.label());
    execution.setVariable(IntakeVariables.AGE_BAND_LABEL, ageBand.label());
    String underMappa = referral.text(ReferralField.ON_LICENCE_OR_UNDER_MAPPA);
    if (underMappa != null) { // optional: the screening asks whether the case goes to MAPPA when it is YES
      execution.setVariable(MappaVariables.ON_LICENCE_OR_UNDER_MAPPA, underMappa);
      execution.setVariable(MappaVariables.ON_LICENCE_OR_UNDER_MAPPA_LABEL, Answer.valueOf(underMappa).label());
    }
  }

  /** From the date of birth, or else from the approximate age the referrer gave. */
  static AgeBand ageBand(ValidReferral referral, LocalDate on) {
    LocalDate born = referral.date(ReferralField.PERSON_DATE_OF_BIRTH);
    return born != null ? AgeBand.of(born, on) : AgeBand.ofYears(referral.number(ReferralField.PERSON_APPROXIMATE_AGE));
  }

  /**
   * The submitted variables as plain values; JSON ones (form-js lists) as lists, read from the text
   * as submitted, so that a key given twice is refused rather than collapsed.
   */
  static Map<String, Object> submittedValues(DelegateExecution execution) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : execution.getVariableNames()) {
      TypedValue typed = execution.getVariableTyped(name, false);
      Object value;
      if (typed instanceof SerializableValue json && typed.getType() != null && "json".equals(typed.getType().getName())) {
        String text = json.getValueSerialized();
        Object parsed = text == null ? null : ReferralJson.value(text, ReferralField.byKey(name).orElse(null));
        value = parsed == null ? text : parsed;
      } else {
        typed = execution.getVariableTyped(name, true);
        value = typed == null ? null : typed.getValue();
      }
      values.put(name, value);
    }
    return values;
  }
}
