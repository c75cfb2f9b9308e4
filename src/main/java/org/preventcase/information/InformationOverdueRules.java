package org.preventcase.information;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.deadline.DeadlinesProperties;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormRules;
import org.preventcase.vocabulary.OverdueDecision;
import org.springframework.stereotype.Component;

/**
 * What the form information-overdue's schema cannot say: to wait longer, the day, month and year
 * make a real date after today (London). Checked on the server with the schema, before the engine
 * completes the task, so a bad date is refused with 400 naming the field.
 */
@Component
class InformationOverdueRules implements FormRules {

  private final DeadlinesProperties deadlines;
  private final Clock clock;

  InformationOverdueRules(DeadlinesProperties deadlines, Clock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public String formId() {
    return "information-overdue";
  }

  @Override
  public List<FieldError> check(Map<String, ?> submitted, Set<String> refused) {
    boolean waiting = OverdueDecision.WAIT_LONGER.name().equals(submitted.get(InformationGathering.OVERDUE_DECISION));
    if (!waiting || refused.contains(NewDueDate.DAY) || refused.contains(NewDueDate.MONTH)
        || refused.contains(NewDueDate.YEAR)) {
      return List.of();
    }
    NewDueDate.Reading reading = NewDueDate.read(submitted::get, LocalDate.now(clock.withZone(deadlines.zone())));
    return reading.date().isPresent() ? List.of()
        : List.of(new FieldError(NewDueDate.DAY, NewDueDate.LABEL, reading.problem()));
  }
}
