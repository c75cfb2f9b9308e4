package org.preventcase.panel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.springframework.stereotype.Component;

/**
 * What the form panel-agenda must hold before the engine's command (400 naming the field, nothing
 * recorded): the coordinator's confirmation that every invited member is vetted (process.md §5: only
 * vetted members see panel cases). The schema asks for it too; this rule does not depend on that.
 */
@Component
class InvitationRules implements FormRules {

  static final String FORM_ID = "panel-agenda";
  static final String VETTED_LABEL = "Every invited member is vetted for Channel panel work";

  @Override
  public String formId() {
    return FORM_ID;
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    if (refused.contains(RecordInvitations.VETTED) || Boolean.TRUE.equals(submitted.get(RecordInvitations.VETTED))) {
      return List.of();
    }
    return List.of(new FieldError(RecordInvitations.VETTED, VETTED_LABEL,
        "Confirm that every invited member is vetted for the panel: only vetted members see its cases"));
  }
}
