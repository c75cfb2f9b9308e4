package org.preventcase.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.SupportVariables;
import org.preventcase.web.UkTime;
import org.springframework.stereotype.Component;

/**
 * `${recordReassessment}`, the complete listener of Task_SetReassessment (form consent-reassessment):
 * no Channel support, so the panel's re-assessment date (s36(4)(e)) and the other safeguarding routes
 * it considered (s36(6)) become a DECISION entry. Sets reassessmentDueAt (09:00 London on that day,
 * the timer) and supportOutcome REASSESS: on that date the case goes back to the panel.
 */
@Component("recordReassessment")
public class RecordReassessment implements TaskListener {

  static final String OTHER_ROUTES = "otherRoutesConsidered";
  static final LocalTime AT = LocalTime.of(9, 0);
  private final SupportEntries entries;
  private final Clock clock;

  public RecordReassessment(CaseService cases, Actors actors, Clock clock) {
    this.entries = new SupportEntries(cases, actors);
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> parts = new HashMap<>();
    ReassessmentDate.PARTS.keys().forEach(key -> parts.put(key, task.getVariable(key)));
    ReassessmentDate.problem(parts, LocalDate.now(clock.withZone(UkTime.LONDON))).ifPresent(problem -> {
      throw new IllegalArgumentException("'" + ReassessmentDate.PARTS.day() + "': " + problem);
    });
    LocalDate date = ReassessmentDate.of(parts);
    String routes = SupportEntries.text(task, OTHER_ROUTES);
    entries.record(task, new NewEntry(EntryKind.DECISION, "No Channel support: re-assessment on "
        + new UkTime(clock).date(date), "Other safeguarding routes considered (s36(6)): " + routes),
        OTHER_ROUTES, ReassessmentDate.PARTS.day(), ReassessmentDate.PARTS.month(), ReassessmentDate.PARTS.year());
    task.getExecution().setVariable(SupportVariables.REASSESSMENT_DUE_AT,
        Date.from(date.atTime(AT).atZone(UkTime.LONDON).toInstant()));
    task.getExecution().setVariable(SupportVariables.SUPPORT_OUTCOME, SupportVariables.REASSESS);
  }
}
