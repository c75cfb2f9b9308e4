package org.preventcase.formcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The one check of a submitted form: its deployed schema, then the form's own {@link FormRules}. */
@Component
public class FormSubmissions {

  private final List<FormRules> rules;

  public FormSubmissions(List<FormRules> rules) {
    this.rules = List.copyOf(rules);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public FormSubmissions(org.springframework.beans.factory.ObjectProvider<FormRules> rules) {
    this(rules.orderedStream().toList());
  }

  public List<FieldError> check(FormSchema schema, Map<String, ?> submitted, Map<String, ?> known) {
    List<FieldError> errors = new ArrayList<>(FormChecker.check(schema, submitted, known));
    Set<String> refused = errors.stream().map(FieldError::field).collect(Collectors.toSet());
    rules.stream().filter(rule -> rule.formId().equals(schema.id()))
        .forEach(rule -> errors.addAll(rule.check(submitted, refused, known)));
    List<String> order = schema.fields().stream().map(FormField::key).toList();
    errors.sort(java.util.Comparator.comparingInt(error -> order.indexOf(error.field())));
    return errors;
  }
}
