package org.preventcase.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.PersonAge;
import org.preventcase.engine.DeployedDecision;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.ConsentRoute;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.SupportVariables;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * `${determineWhoMustConsent}` (support, Task_DetermineWhoMustConsent): the decision
 * {@value #DECISION} deployed with this process, on the person's age in whole years today (London),
 * the day consent is sought, from the date of birth in the case record, or, with none, a referral's
 * approximate age grown by the years since (read through the audited case service; none known counts as
 * under 18; the table treats an approximate age near 18 as under 18), and on whether the support plan doubts the person's
 * capacity. Sets consentRoute and its label; the age itself never enters the engine.
 */
@Component("determineWhoMustConsent")
public class DetermineWhoMustConsent implements JavaDelegate {

  public static final String DECISION = "consent-required";
  private final CaseService cases;
  private final Actors actors;
  private final Clock clock;

  public DetermineWhoMustConsent(CaseService cases, Actors actors, Clock clock) {
    this.cases = cases;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = LocalDate.now(clock.withZone(UkTime.LONDON));
    Optional<PersonAge> age = cases.ageOn(actors.acting(execution),
        (String) execution.getVariable(IntakeVariables.CASE_REF), today, new Purpose(Purpose.Code.PROCESS,
            "who must consent"));
    ConsentRoute route = ConsentRoute.valueOf(DeployedDecision.singleEntry(execution, DECISION,
        inputs(age.map(PersonAge::years).orElse(null), age.map(PersonAge::approximate).orElse(false),
            Boolean.TRUE.equals(execution.getVariable(SupportVariables.CAPACITY_IN_DOUBT)))));
    execution.setVariable(SupportVariables.CONSENT_ROUTE, route.name());
    execution.setVariable(SupportVariables.CONSENT_ROUTE_LABEL, route.label());
  }

  /**
   * The table's inputs, fixed and documented (docs/support.md): age (null when not known), ageApproximate
   * (from a referral's approximate age, not a date of birth) and capacityInDoubt.
   */
  public static Map<String, Object> inputs(Integer age, boolean ageApproximate, boolean capacityInDoubt) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("age", age);
    inputs.put("ageApproximate", ageApproximate);
    inputs.put("capacityInDoubt", capacityInDoubt);
    return inputs;
  }
}
