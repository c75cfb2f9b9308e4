package org.preventcase.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.preventcase.formcheck.FormChecker;
import org.preventcase.formcheck.FormField;
import org.preventcase.formcheck.FormSchema;
import org.preventcase.models.ProjectFiles;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The completion policies of application-what-if.yaml fit the models: every user task the replay can reach
 * has one, and every choice of every policy passes its deployed form's check as a submission would.
 */
class CompletionPoliciesTest {

  /**
   * User tasks only a call from outside starts (a transfer, new information about an open case, a person taken into
   * custody): not replayed.
   */
  static final List<String> STARTED_FROM_OUTSIDE = List.of("Task_DeconflictNewInformation", "Task_SendTransferPack",
      "Task_TransferToPmap", "Task_AcceptTransfer", "Task_RecordCustodyHandOff", "Task_AwaitRelease");
  static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"([^\"]+)\"");

  static WhatIfProperties policies() throws IOException {
    var environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("what-if", new ClassPathResource("application-what-if.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    return new Binder(ConfigurationPropertySources.get(environment)).bind("prevent.what-if", WhatIfProperties.class)
        .get();
  }

  /** Every user task of processes/ with its form's id. */
  static Map<String, String> userTaskForms() throws IOException {
    Map<String, String> forms = new TreeMap<>();
    for (Path model : ProjectFiles.under(ProjectFiles.PROCESSES, ".bpmn")) {
      Matcher task = USER_TASK.matcher(Files.readString(model));
      while (task.find()) {
        forms.put(task.group(1), task.group(2));
      }
    }
    return forms;
  }

  static FormSchema form(String id) throws IOException {
    return FormSchema.parse(Files.readAllBytes(ProjectFiles.FORMS.resolve(id + ".form")));
  }

  @Test
  void everyUserTaskTheReplayCanReachHasACompletionPolicy() throws IOException {
    Map<String, String> tasks = userTaskForms();
    assertThat(tasks).containsKeys("Task_DeconflictNewInformation", "Task_AcceptTransfer");
    tasks.keySet().removeAll(STARTED_FROM_OUTSIDE);
    assertThat(policies().tasks().keySet()).as("a policy for every user task the replay reaches, and no other")
        .containsExactlyInAnyOrderElementsOf(tasks.keySet());
  }

  @Test
  void everyChoiceOfEveryPolicyPassesItsFormsCheck() throws IOException {
    Map<String, String> tasks = userTaskForms();
    LocalDate today = LocalDate.of(2024, 6, 3);
    policies().tasks().forEach((key, policy) -> {
      FormSchema schema;
      try {
        schema = form(tasks.get(key));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      for (WhatIfProperties.Choice choice : policy.choices()) {
        // what the task offers in a run (members, authorities, the rating scale): the values chosen, or one
        Map<String, List<Map<String, String>>> offered = new TreeMap<>();
        schema.fields().stream().filter(field -> field.valuesKey() != null).forEach(field -> offered.computeIfAbsent(
            field.valuesKey(), valuesKey -> new java.util.ArrayList<>()).add(Map.of("label", "Offered", "value",
                choice.values().getOrDefault(field.key(), "*").equals("*") ? "OFFERED" : choice.values().get(field.key()))));
        Map<String, Object> known = new TreeMap<>(offered);
        known.putAll(choice.when()); // the task's variables the choice is for (the consent route)
        Map<String, Object> values = TaskCompleter.values(schema, known, choice.values(), today, key);
        assertThat(FormChecker.check(schema, values, known)).as(key + " " + choice.values()).isEmpty();
      }
    });
  }

  @Test
  void aPolicyReadsEachValueByItsFieldsKind() throws IOException {
    Map<String, Object> offered = Map.of("panelMemberOptions", List.of(Map.of("label", "A", "value", "member-a"),
        Map.of("label", "B", "value", "member-b")));
    assertThat(TaskCompleter.values(form("panel-agenda"), offered, Map.of("invitedMembers", "*",
        "vettingConfirmed", "true"), LocalDate.of(2024, 6, 3), "Task_PrepareAgenda"))
        .containsEntry("invitedMembers", List.of("member-a", "member-b")).containsEntry("vettingConfirmed", true);
    assertThat(TaskCompleter.values(form("referral-screening"), Map.of(), Map.of("onwardReferralDate", "today"),
        LocalDate.of(2024, 6, 3), "Task_ScreenReferral")).containsEntry("onwardReferralDateDay", 3)
        .containsEntry("onwardReferralDateMonth", 6).containsEntry("onwardReferralDateYear", 2024);
    assertThat(TaskCompleter.values(form("information-agencies"), Map.of(), Map.of("agenciesToAsk", "EDUCATION, HEALTH"),
        LocalDate.of(2024, 6, 3), "Task_SelectPartnerAgencies")).containsEntry("agenciesToAsk", List.of("EDUCATION", "HEALTH"));
  }

  @Test
  void aPolicyNamingAFieldTheFormDoesNotHaveIsRefusedWithItsName() {
    assertThatThrownBy(() -> TaskCompleter.values(form("panel-minutes"), Map.of(), Map.of("minutesFinl", "true"),
        LocalDate.of(2024, 6, 3), "Task_ConfirmMinutes")).hasMessageContaining("minutesFinl")
        .hasMessageContaining("Task_ConfirmMinutes");
  }

  @Test
  void aPolicyTakesAtLeastNoMoreThanAtMost() {
    assertThatThrownBy(() -> new WhatIfProperties.TaskPolicy(java.time.Duration.ofDays(2), java.time.Duration.ofDays(1),
        List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
