package org.preventcase.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.preventcase.engine.AsUser;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.security.Role;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/**
 * What the form support-plan's schema cannot say: the intervention provider it allocates the
 * interventions to is a user of the intervention providers' group (the group the contact tasks need).
 */
@Component
class SupportPlanRules implements FormRules {

  static final String FORM_ID = "support-plan";
  static final String LABEL = "Intervention provider";
  private final IdentityService identity;

  SupportPlanRules(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String formId() {
    return FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    if (refused.contains(SupportVariables.INTERVENTION_PROVIDER)
        || !(submitted.get(SupportVariables.INTERVENTION_PROVIDER) instanceof String provider)) {
      return List.of();
    }
    // whether such a user exists, asked of the engine itself: the coordinator may not read other users
    boolean known = AsUser.asEngine(identity, () -> identity.createUserQuery().userId(provider.strip())
        .memberOfGroup(Role.INTERVENTION_PROVIDER.groupId()).count() == 1);
    return known ? List.of() : List.of(new FieldError(SupportVariables.INTERVENTION_PROVIDER, LABEL,
        "Enter the user id of an intervention provider, as they sign in"));
  }
}
