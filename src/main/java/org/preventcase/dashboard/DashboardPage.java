package org.preventcase.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.authority.LocalAuthority;
import org.preventcase.boardreport.Chart;
import org.preventcase.boardreport.Figure;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.Stage;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.preventcase.web.Labels;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The managers' dashboard (docs/dashboard.md): /dashboard (templates/dashboard.html) and its figures as
 * JSON (/api/dashboard), and the list behind each figure (/dashboard/lists/{figure}, templates/
 * dashboard-list.html), for one of the authorities the Prevent manager works for. Read through the case
 * service: only the authority's Prevent managers, each look audited (VIEW, REPORT:dashboard or
 * REPORT:dashboard list &lt;figure&gt;); anyone else gets "not found".
 */
@Controller
class DashboardPage {

  static final String REPORT = "dashboard";

  private final CaseService cases;
  private final Actors actors;
  private final DashboardFigures figures;
  private final AuthorityDirectory authorities;

  DashboardPage(CaseService cases, Actors actors, DashboardFigures figures, AuthorityDirectory authorities) {
    this.cases = cases;
    this.actors = actors;
    this.figures = figures;
    this.authorities = authorities;
  }

  @GetMapping(value = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(@RequestParam(required = false) String authority) {
    Actor actor = actors.current();
    String code = authorityOf(actor, authority);
    return cases.report(actor, code, REPORT, () -> figures.of(code))
        .map(shown -> new ModelAndView("dashboard", Map.of("figures", shown, "authority", code,
            "authorityName", name(code), "authorities", authoritiesOf(actor),
            "stageChart", Chart.of("Open cases by stage", shown.openCasesByStage().stream()
                .map(count -> Map.entry(count.label(), Figure.count(count.count()))).toList()),
            "taskChart", Chart.of("Tasks overdue by group", shown.tasksByGroup().stream()
                .map(group -> Map.entry(groupName(group.group()), Figure.count(group.overdue()))).toList()),
            "groups", (Function<String, String>) DashboardPage::groupName)))
        .orElseGet(() -> new ModelAndView("not-found", HttpStatus.NOT_FOUND));
  }

  @GetMapping(value = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Object> json(@RequestParam(required = false) String authority) {
    Actor actor = actors.current();
    String code = authorityOf(actor, authority);
    return cases.report(actor, code, REPORT, () -> figures.of(code)).<ResponseEntity<Object>>map(ResponseEntity::ok)
        .orElseGet(org.preventcase.web.Problems::notFound);
  }

  /**
   * The cases behind a figure: {@code open-cases} (by {@code stage}), {@code tasks} (of a {@code group},
   * {@code overdue} or due this week), {@code sla-breaches} (of a stage or information requests),
   * {@code without-process}.
   */
  @GetMapping(value = "/dashboard/lists/{figure}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView list(@PathVariable String figure, @RequestParam(required = false) String authority,
      @RequestParam(required = false) String stage, @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "true") boolean overdue) {
    Actor actor = actors.current();
    String code = authorityOf(actor, authority);
    String title;
    java.util.function.Supplier<List<DashboardFigures.Listed>> listed;
    switch (figure) {
      case "tasks" -> {
        title = (overdue ? "Tasks overdue: " : "Tasks due in the next seven days: ") + groupName(group);
        listed = () -> figures.tasks(code, group == null ? "" : group, overdue);
      }
      case "sla-breaches" -> {
        title = "Past their target this quarter: " + (DashboardFigures.INFORMATION_REQUEST.equals(stage)
            ? "information requests" : Labels.words(stage == null ? "" : stage));
        listed = () -> figures.slaBreaches(code, stage);
      }
      case "without-process" -> {
        title = "Open cases without their process";
        listed = () -> figures.withoutProcess(code).stream().map(reference -> new DashboardFigures.Listed(reference,
            "no running case process", null)).toList();
      }
      default -> {
        return new ModelAndView("not-found", HttpStatus.NOT_FOUND);
      }
    }
    if (stage != null && !stage.equals(DashboardFigures.INFORMATION_REQUEST)
        && Arrays.stream(Stage.values()).noneMatch(known -> known.name().equals(stage))) {
      return new ModelAndView("error", Map.of("status", 400, "problem", "stage: one of the stages of a case"),
          HttpStatus.BAD_REQUEST);
    }
    return cases.report(actor, code, REPORT + " list " + figure, listed)
        .map(rows -> new ModelAndView("dashboard-list", Map.of("title", title, "rows", rows, "authority", code,
            "authorityName", name(code))))
        .orElseGet(() -> new ModelAndView("not-found", HttpStatus.NOT_FOUND));
  }

  private static String authorityOf(Actor actor, String asked) {
    String code = asked == null || asked.isBlank() ? actor.authorities().stream().sorted().findFirst().orElse("NONE")
        : asked.strip();
    return code.matches("[A-Z][0-9]{8}") ? code : "NONE";
  }

  private String name(String code) {
    return authorities.find(code).map(LocalAuthority::name).orElse(code);
  }

  private List<LocalAuthority> authoritiesOf(Actor actor) {
    return actor.authorities().stream().sorted().map(authorities::find).flatMap(Optional::stream).toList();
  }

  /** A group's name as its members know it; tasks offered to no group are "assigned" or "none". */
  static String groupName(String group) {
    if ("assigned".equals(group)) {
      return "Given to a named person";
    }
    if ("none".equals(group)) {
      return "Offered to no group";
    }
    return Arrays.stream(Role.values()).filter(role -> role.groupId().equals(group)).map(Role::displayName).findFirst()
        .orElse(group == null ? "" : group);
  }
}
