package org.preventcase.casefile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Cases pages: /cases, the open cases of the user's authorities by stage (templates/cases.html),
 * with the search form, and its results: POST /cases/search, by reference, name or date of birth
 * for a reason the user states (templates/case-search.html). The criteria are posted, so no name or date of birth is in an address
 * or an access log. Both read through the audited {@link CaseService}; a role that may not list
 * cases gets the friendly 403 page.
 */
@Controller
class CaseList {

  /** The group names, for the owner of a task offered to a group (and the chronology's messages). */
  static final Map<String, String> GROUPS = Arrays.stream(Role.values())
      .collect(Collectors.toUnmodifiableMap(Role::groupId, Role::displayName));

  private final CaseService cases;
  private final Actors actors;

  CaseList(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @GetMapping(value = "/cases", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView list() {
    return cases.openCases(actors.current())
        .map(open -> new ModelAndView("cases", Map.of("stages", open.stream()
            .collect(Collectors.groupingBy(CaseSummary::stage, LinkedHashMap::new, Collectors.toList())),
            "groups", GROUPS, "form", SearchForm.EMPTY.values(), "errors", Map.of())))
        .orElseGet(CaseList::refused);
  }

  @PostMapping(value = "/cases/search", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView search(@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String dobDay,
      @RequestParam(defaultValue = "") String dobMonth, @RequestParam(defaultValue = "") String dobYear) {
    SearchForm form = new SearchForm(reason.strip(), reference.strip(), name.strip(), dobDay.strip(), dobMonth.strip(),
        dobYear.strip());
    Map<String, String> errors = new LinkedHashMap<>();
    if (form.reason().isEmpty()) {
      errors.put("reason", "Enter why you are searching");
    } else if (form.reason().length() > Purpose.MAX_DETAIL) {
      errors.put("reason", "Why you are searching must be " + Purpose.MAX_DETAIL + " characters or fewer");
    }
    LocalDate dateOfBirth = null;
    if (form.hasDateOfBirth()) {
      try {
        dateOfBirth = LocalDate.of(Integer.parseInt(form.dobYear()), Integer.parseInt(form.dobMonth()),
            Integer.parseInt(form.dobDay()));
      } catch (NumberFormatException | DateTimeException notADate) {
        errors.put("dobDay", "Date of birth must be a real date, for example 27 3 2007");
      }
    }
    CaseSearch search = null;
    if (form.reference().isEmpty() && form.name().isEmpty() && !form.hasDateOfBirth()) {
      errors.put("reference", "Enter a case reference, a name or a date of birth");
    } else if (!errors.containsKey("dobDay")) {
      try {
        search = new CaseSearch(form.reference(), form.name(), dateOfBirth);
      } catch (IllegalArgumentException noCriterion) {
        errors.put("name", "Enter a name with at least one letter or number");
      }
    }
    if (!errors.isEmpty()) {
      return searchPage(form, errors, null);
    }
    return cases.search(actors.current(), search, form.reason())
        .map(found -> searchPage(form, Map.of(), found)).orElseGet(CaseList::refused);
  }

  private static ModelAndView searchPage(SearchForm form, Map<String, String> errors, List<CaseSummary> found) {
    Map<String, Object> model = new HashMap<>(Map.of("form", form.values(), "errors", errors, "groups", GROUPS));
    if (found != null) {
      model.put("results", found);
    }
    return new ModelAndView("case-search", model, errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
  }

  private static ModelAndView refused() {
    return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
  }

  /** The search form as the user filled it in, shown again with its errors or above its results. */
  record SearchForm(String reason, String reference, String name, String dobDay, String dobMonth, String dobYear) {
    static final SearchForm EMPTY = new SearchForm("", "", "", "", "", "");

    /** The values by field name, for the template. */
    Map<String, String> values() {
      return Map.of("reason", reason, "reference", reference, "name", name, "dobDay", dobDay, "dobMonth", dobMonth,
          "dobYear", dobYear);
    }

    boolean hasDateOfBirth() {
      return !(dobDay.isEmpty() && dobMonth.isEmpty() && dobYear.isEmpty());
    }
  }
}
