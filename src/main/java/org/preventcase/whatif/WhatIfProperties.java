package org.preventcase.whatif;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A what-if run's completion policies ({@code prevent.what-if}, application-what-if.yaml): for every task key
 * the models can create, how long its completer takes (uniformly between the two durations, from the task's
 * creation on the virtual clock) and what they choose (one of the weighted choices, each the values of the
 * task's form by field key), among the choices whose {@code when} the task's variables match (a choice without
 * one always applies: {@code when: { consentRoute: PARENT_OR_GUARDIAN }} only for a young person). A value is read by its form field's kind: a checklist's values separated by
 * commas, or {@code *} for every option the task offers; {@code today} for the day, month and year fields of a
 * date ({@code onwardReferralDate: today}), or a period after it ({@code reassessmentDate: today+P3M}); a checkbox {@code true}; a number as written; text as written.
 */
@ConfigurationProperties("prevent.what-if")
public record WhatIfProperties(Map<String, TaskPolicy> tasks) {

  public WhatIfProperties {
    tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
  }

  public record TaskPolicy(Duration takesAtLeast, Duration takesAtMost, List<Choice> choices) {
    public TaskPolicy {
      if (takesAtLeast == null || takesAtMost == null || takesAtMost.compareTo(takesAtLeast) < 0) {
        throw new IllegalArgumentException("A what-if task policy takes at least takes-at-least and at most "
            + "takes-at-most, no less");
      }
      choices = choices == null || choices.isEmpty() ? List.of(new Choice(1, Map.of(), Map.of())) : List.copyOf(choices);
    }
  }

  public record Choice(int weight, Map<String, String> when, Map<String, String> values) {
    public Choice {
      if (weight < 0) {
        throw new IllegalArgumentException("A what-if choice's weight is 0 or more");
      }
      when = when == null ? Map.of() : Map.copyOf(when);
      values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** Whether the choice applies to a task with these variables. */
    public boolean appliesTo(Map<String, Object> variables) {
      return when.entrySet().stream().allMatch(condition -> condition.getValue().equals(
          String.valueOf(variables.get(condition.getKey()))));
    }
  }
}
