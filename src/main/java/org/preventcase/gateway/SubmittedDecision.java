package org.preventcase.gateway;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.EntryKind;
import org.preventcase.casefile.NewEntry;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.FormOption;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.NoFurtherActionReason;
import org.preventcase.vocabulary.SignpostDestination;

/**
 * What a gateway decision's form submitted, read from the completing task once the form check has
 * passed it (its schema and the gateway's {@link OnwardReferralDateRules}, before the engine's
 * command: nothing is refused here): choices as their enumerations, the onward referral's date, and
 * the case entry that records the decision. The submitted details and the rationale then leave the
 * engine: the case record keeps them.
 */
final class SubmittedDecision {

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private final DelegateTask task;
  private final List<String> lines = new ArrayList<>();

  SubmittedDecision(DelegateTask task) {
    this.task = task;
  }

  /** The chosen value of an enumeration field; null when the field was not submitted (a hidden one). */
  <E extends Enum<E> & FormOption> E choice(String key, Class<E> options) {
    Object value = task.getVariable(key);
    return value == null || String.valueOf(value).isBlank() ? null : Enum.valueOf(options, String.valueOf(value));
  }

  /** The details a closing outcome has: why no further action, or where the case went and when. */
  SubmittedDecision closingDetails(GatewayOutcome outcome) {
    if (outcome == GatewayOutcome.NFA_CLOSED) {
      line("Reason", choice(GatewayVariables.NFA_REASON, NoFurtherActionReason.class));
    } else if (outcome == GatewayOutcome.SIGNPOSTED) {
      line("Signposted to", choice(GatewayVariables.SIGNPOSTED_TO, SignpostDestination.class));
      line("Onward referral made", UK_DATE.format(OnwardReferralDateRules.of(task::getVariable)));
    }
    return this;
  }

  /** A line of the entry: "Label: value". */
  SubmittedDecision line(String label, FormOption value) {
    return value == null ? this : line(label, value.label());
  }

  SubmittedDecision line(String label, String value) {
    lines.add(label + ": " + value);
    return this;
  }

  /** The entry that records the decision: its title, then its details and the rationale as written. */
  NewEntry entry(EntryKind kind, String title) {
    Object value = task.getVariable(GatewayVariables.RATIONALE);
    String rationale = value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    String details = String.join("\n", lines);
    String body = rationale == null ? details : details.isEmpty() ? rationale : details + "\n\n" + rationale;
    return new NewEntry(kind, title, body.isEmpty() ? null : body);
  }

  String caseReference() {
    return (String) task.getVariable(IntakeVariables.CASE_REF);
  }

  /** Why the case record is written: the task worked. */
  Purpose purpose() {
    return new Purpose(Purpose.Code.TASK, task.getId());
  }

  /** Writes the entry to the case as whoever the task acts for, then the decision's details leave the engine. */
  void record(CaseService cases, Actors actors, NewEntry entry) {
    cases.addEntry(actors.acting(task.getExecution()), caseReference(), entry, purpose());
    removeFromEngine();
  }

  /** Removes the rationale and the outcome's details from the engine (they are in the case record). */
  void removeFromEngine() {
    List<String> moved = new ArrayList<>(List.of(GatewayVariables.RATIONALE, GatewayVariables.NFA_REASON,
        GatewayVariables.SIGNPOSTED_TO, org.preventcase.vocabulary.MappaVariables.GOES_TO_MAPPA));
    moved.addAll(OnwardReferralDateRules.DATE.keys());
    moved.forEach(task.getExecution()::removeVariable);
  }
}
