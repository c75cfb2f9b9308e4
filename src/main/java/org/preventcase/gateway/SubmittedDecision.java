package org.preventcase.gateway;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.preventcase.vocabulary.FormOption;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.NoFurtherActionReason;
import org.preventcase.vocabulary.SignpostDestination;
import org.preventcase.vocabulary.GatewayVariables;

/**
 * What a gateway decision's form submitted, read from the completing task: choices as their
 * enumerations (a value the form does not offer is refused naming the field), the onward referral's
 * date from its day, month and year, and the text of the case entry that records the decision. The
 * submitted details and the rationale are then removed from the engine ({@link #removeFromEngine}):
 * the case record keeps them.
 */
final class SubmittedDecision {

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private final DelegateTask task;
  private final List<String> lines = new ArrayList<>();

  SubmittedDecision(DelegateTask task) {
    this.task = task;
  }

  /** The chosen value of an enumeration field; null when the field was not submitted (a hidden one). */
  private <E extends Enum<E> & FormOption> E choice(String key, Class<E> options, String label) {
    Object value = task.getVariable(key);
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    for (E option : options.getEnumConstants()) {
      if (option.name().equals(String.valueOf(value))) {
        return option;
      }
    }
    throw new IllegalArgumentException("Select " + label + " from the list");
  }

  <E extends Enum<E> & FormOption> E required(String key, Class<E> options, String label) {
    E chosen = choice(key, options, label);
    if (chosen == null) {
      throw new IllegalArgumentException("Select " + label);
    }
    return chosen;
  }

  /** The onward referral's date, from its day, month and year: a real date, not in the future. */
  private LocalDate onwardReferralDate(LocalDate today) {
    List<Object> parts = GatewayVariables.ONWARD_REFERRAL_DATE_PARTS.stream().map(task::getVariable).toList();
    if (parts.stream().anyMatch(part -> part == null || String.valueOf(part).isBlank())) {
      throw new IllegalArgumentException("Enter the date of the onward referral");
    }
    LocalDate date;
    try {
      date = LocalDate.of(number(parts.get(2)), number(parts.get(1)), number(parts.get(0)));
    } catch (DateTimeException | NumberFormatException notADate) {
      throw new IllegalArgumentException("The date of the onward referral must be a real date, for example 27 3 2026");
    }
    if (date.isAfter(today)) {
      throw new IllegalArgumentException("The date of the onward referral must be today or in the past");
    }
    return date;
  }

  private static int number(Object part) {
    return (int) Math.round(Double.parseDouble(String.valueOf(part).strip()));
  }

  /** The details a closing outcome needs: why no further action, or where the case went and when. */
  SubmittedDecision closingDetails(GatewayOutcome outcome, LocalDate today) {
    if (outcome == GatewayOutcome.NFA_CLOSED) {
      line("Reason", required(GatewayVariables.NFA_REASON, NoFurtherActionReason.class, "why no further action is needed"));
    } else if (outcome == GatewayOutcome.SIGNPOSTED) {
      line("Signposted to", required(GatewayVariables.SIGNPOSTED_TO, SignpostDestination.class,
          "the service the case is signposted to"));
      line("Onward referral made", onwardReferralDate(today));
    }
    return this;
  }

  String rationale() {
    Object value = task.getVariable(GatewayVariables.RATIONALE);
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
  }

  /** A line of the entry: "Label: value". */
  SubmittedDecision line(String label, FormOption value) {
    return value == null ? this : line(label, value.label());
  }

  SubmittedDecision line(String label, String value) {
    lines.add(label + ": " + value);
    return this;
  }

  SubmittedDecision line(String label, LocalDate date) {
    return line(label, UK_DATE.format(date));
  }

  /** The entry's body: the decision's details, then the rationale as written. */
  String body() {
    String rationale = rationale();
    String details = String.join("\n", lines);
    if (rationale == null) {
      return details.isEmpty() ? null : details;
    }
    return details.isEmpty() ? rationale : details + "\n\n" + rationale;
  }

  /** Removes the rationale and the outcome's details from the engine (they are in the case record). */
  void removeFromEngine() {
    List<String> moved = new ArrayList<>(List.of(GatewayVariables.RATIONALE, GatewayVariables.NFA_REASON,
        GatewayVariables.SIGNPOSTED_TO));
    moved.addAll(GatewayVariables.ONWARD_REFERRAL_DATE_PARTS);
    moved.forEach(task.getExecution()::removeVariable);
  }
}
