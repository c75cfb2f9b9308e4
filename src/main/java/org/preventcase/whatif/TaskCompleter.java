package org.preventcase.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.preventcase.engine.AsUser;
import org.preventcase.formcheck.DeployedForms;
import org.preventcase.formcheck.FieldError;
import org.preventcase.formcheck.FormField;
import org.preventcase.formcheck.FormSchema;
import org.preventcase.formcheck.FormSubmissions;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works one task of a what-if run as a person of the group it is offered to would in Tasklist: claims it,
 * fills its form with the policy's choice, has the form checked as the server checks every submission, and
 * submits it, so the models' listeners and delegates do the rest. A choice the form refuses stops the run
 * with the fields named: a policy must fit the deployed forms.
 */
@Component
@Profile(WhatIfRun.PROFILE)
class TaskCompleter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DeployedForms forms;
  private final FormSubmissions submissions;
  private final TaskService tasks;
  private final FormService formService;
  private final IdentityService identity;
  private final TransactionTemplate together;

  TaskCompleter(DeployedForms forms, FormSubmissions submissions, TaskService tasks, FormService formService,
      IdentityService identity, PlatformTransactionManager transactions) {
    this.forms = forms;
    this.submissions = submissions;
    this.tasks = tasks;
    this.formService = formService;
    this.identity = identity;
    this.together = new TransactionTemplate(transactions);
  }

  /**
   * Completes the task as {@code user} of {@code group} for {@code authority} with the values {@code choose}
   * picks from the task's variables (as its form was opened with them); false if it is no longer open.
   */
  boolean complete(String taskId, String user, String group, String authority,
      Function<Map<String, Object>, Map<String, String>> choose, LocalDate today) {
    // one transaction, as the claim and the submission join it: the same commands and listeners, one commit
    return AsUser.call(identity, user, Set.of(group), Set.of(authority), () -> Boolean.TRUE.equals(together.execute(
        transaction -> {
      var open = forms.task(taskId);
      if (open.isEmpty()) {
        return false;
      }
      String key = open.get().task().getTaskDefinitionKey();
      Map<String, Object> values = values(open.get().form(), open.get().variables(),
          choose.apply(open.get().variables()), today, key);
      List<FieldError> refused = submissions.check(open.get().form(), values, open.get().variables());
      if (!refused.isEmpty()) {
        throw new IllegalStateException("The what-if policy of " + key + " does not fit form " + open.get().form().id()
            + ": " + refused.stream().map(error -> error.field() + " (" + error.message() + ")").toList());
      }
      tasks.claim(taskId, user);
      formService.submitTaskForm(taskId, engineValues(values));
      return true;
    })));
  }

  /** The policy's choice as the form submits it, each value read by its field's kind. */
  static Map<String, Object> values(FormSchema form, Map<String, Object> known, Map<String, String> chosen,
      LocalDate today, String taskKey) {
    Map<String, Object> values = new LinkedHashMap<>();
    chosen.forEach((key, text) -> {
      var field = form.field(key);
      if (field.isPresent()) {
        values.put(key, value(field.get(), text, known, taskKey));
      } else if (text.startsWith("today") && form.field(key + "Day").isPresent()) {
        LocalDate day = text.equals("today") ? today : today.plus(java.time.Period.parse(text.substring("today+".length())));
        values.put(key + "Day", day.getDayOfMonth());
        values.put(key + "Month", day.getMonthValue());
        values.put(key + "Year", day.getYear());
      } else {
        throw new IllegalStateException("The what-if policy of " + taskKey + " names '" + key + "', which form "
            + form.id() + " does not have");
      }
    });
    return values;
  }

  private static Object value(FormField field, String text, Map<String, Object> known, String taskKey) {
    return switch (field.kind()) {
      case CHOICES -> "*".equals(text) ? offered(field, known, taskKey)
          : Arrays.stream(text.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
      case CONFIRMATION -> Boolean.parseBoolean(text);
      case NUMBER -> Integer.valueOf(text);
      default -> text;
    };
  }

  /** Every option the task offers for the field: its own, or its variable's ({@code valuesKey}). */
  private static List<String> offered(FormField field, Map<String, Object> known, String taskKey) {
    if (field.valuesKey() == null) {
      return field.options().stream().map(FormField.Option::value).toList();
    }
    if (!(known.get(field.valuesKey()) instanceof List<?> options)) {
      throw new IllegalStateException("Task " + taskKey + " offers no options for " + field.key());
    }
    return options.stream().map(option -> String.valueOf(((Map<?, ?>) option).get("value"))).toList();
  }

  /** Lists as form-js submits them: JSON variables. */
  private static Map<String, Object> engineValues(Map<String, Object> values) {
    Map<String, Object> engine = new LinkedHashMap<>();
    values.forEach((key, value) -> engine.put(key, value instanceof List<?> list ? SpinValues.jsonValue(json(list))
        .create() : value));
    return engine;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
