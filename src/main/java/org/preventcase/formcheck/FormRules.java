package org.preventcase.formcheck;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form's schema cannot say (an NHS number's check digit, a date of birth not in the future):
 * a bean per form, run after the schema check on the fields that passed it, by the same mechanism.
 */
public interface FormRules {

  /** The form these rules belong to (its id, the form file's name). */
  String formId();

  /**
   * @param submitted the submitted values, plain
   * @param refused the keys the schema check already refused (one message per field)
   */
  List<FieldError> check(Map<String, ?> submitted, Set<String> refused);

  /**
   * As {@link #check(Map, Set)}, for rules that also read what the form was opened with (a task's
   * variables, such as the recommendation a decision may depart from; none for a start form).
   */
  default List<FieldError> check(Map<String, ?> submitted, Set<String> refused, Map<String, ?> known) {
    return check(submitted, refused);
  }
}
