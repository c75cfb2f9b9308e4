package org.preventcase.casefile;

import static org.preventcase.web.Pages.text;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actors;
import org.preventcase.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The read-only case page, same origin and sign-in as Tasklist: /cases/{reference}. Tasklist forms
 * link here with ?purpose=TASK (the user's claimed task is recorded) or TASK:&lt;task id&gt;; opened
 * directly it is CASE_PAGE. Every view is audited, refused ones included; all text is escaped.
 */
@Controller
class CasePage {

  private final CaseService cases;
  private final Actors actors;

  CasePage(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @GetMapping(value = "/cases/{reference}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(@PathVariable String reference, @RequestParam(required = false) String purpose) {
    Purpose why;
    try {
      why = Purpose.parse(purpose, Purpose.Code.CASE_PAGE);
    } catch (IllegalArgumentException badPurpose) {
      return Pages.badRequest(badPurpose.getMessage());
    }
    return cases.view(actors.current(), reference, why)
        .map(view -> Pages.page(HttpStatus.OK, "Case " + view.reference(), body(view)))
        .orElseGet(Pages::notFound);
  }

  static String body(CaseView view) {
    CaseView.Person person = view.person();
    return """
        <dl class="facts">
          <dt>Authority</dt><dd>%s (%s)</dd>
          <dt>Stage</dt><dd>%s</dd>
          <dt>Status</dt><dd>%s</dd>
          <dt>Opened</dt><dd>%s</dd>
        </dl>
        <h2>Person</h2>
        <dl class="facts">
          <dt>Name</dt><dd>%s %s</dd>
          <dt>Date of birth</dt><dd>%s</dd>
          <dt>Gender</dt><dd>%s</dd>
          <dt>Also known as</dt><dd>%s</dd>
        </dl>
        <h3>Addresses (newest first)</h3>
        %s
        <h2>Referrals</h2>
        %s
        <h2>Earlier cases of this person</h2>
        %s
        <h2>Case record</h2>
        %s
        <h2>Open tasks</h2>
        %s
        """.formatted(text(view.authorityName()), text(view.authorityCode()), text(view.stage()), text(view.status()),
        text(view.openedAt()), text(person.givenNames()), text(person.familyName()), text(person.dateOfBirth()),
        text(person.gender()), person.aliases().isEmpty() ? text(null) : list(person.aliases(), Pages::text),
        list(person.addresses(), a -> text(a.address()) + " " + text(a.postcode()) + " <small>from "
            + text(a.livedFrom()) + ", recorded " + text(a.recordedAt()) + "</small>"),
        list(view.referrals(), r -> "<strong>Received " + text(r.receivedAt()) + "</strong>: " + text(r.concernType())
            + ", " + text(r.urgency()) + ", from " + text(r.referrerSector()) + "<p class=\"narrative\">"
            + text(r.concern()) + "</p>"),
        list(view.earlierCases(), c -> "<a href=\"/cases/" + text(c.reference()) + "\">" + text(c.reference())
            + "</a> <small>(" + text(c.status()) + ", opened " + text(c.openedAt()) + ")</small>"),
        list(view.entries(), CasePage::entry),
        list(view.openTasks(), t -> text(t.name()) + " <small>(" + (t.assignee() == null ? "unclaimed" : "claimed by "
            + text(t.assignee())) + ", due " + text(t.due()) + ")</small>"));
  }

  private static String entry(CaseView.Entry entry) {
    String corrects = entry.correctsEntryId() == null ? "" : " <em>corrects entry #" + entry.correctsEntryId() + "</em>";
    String correctedBy = entry.corrected() ? " <em class=\"superseded\">corrected by "
        + entry.correctedBy().stream().map(id -> "#" + id).collect(Collectors.joining(", ")) + "</em>" : "";
    return "<article id=\"entry-" + entry.id() + "\"" + (entry.corrected() ? " class=\"superseded\"" : "") + ">"
        + "<strong>#" + entry.id() + " " + text(entry.kind()) + ": " + text(entry.summary()) + "</strong>" + corrects
        + correctedBy + " <small>" + text(entry.recordedAt()) + ", " + text(entry.recordedBy()) + "</small>"
        + "<p class=\"narrative\">" + text(entry.body()) + "</p></article>";
  }

  private static <T> String list(List<T> items, Function<T, String> item) {
    if (items.isEmpty()) {
      return "<p>None.</p>";
    }
    return items.stream().map(one -> "  <li>" + item.apply(one) + "</li>").collect(Collectors.joining("\n", "<ul>\n", "\n</ul>"));
  }
}
