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
 * The read-only case page, same origin and sign-in as Tasklist: /cases/{reference} (and a referral
 * awaiting a possible-match decision: /referrals/{referralId}). Tasklist forms
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
    return audited(purpose, why -> cases.view(actors.current(), reference, why)
        .map(view -> Pages.page(HttpStatus.OK, "Case " + view.reference(), body(view))));
  }

  /**
   * /referrals/{referralId}: a referral awaiting the screener's decision on a possible match (linked
   * from the form referral-possible-match); once it belongs to a case it is read on the case page.
   */
  @GetMapping(value = "/referrals/{referralId:\\d+}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> referral(@PathVariable long referralId, @RequestParam(required = false) String purpose) {
    return audited(purpose, why -> cases.viewReferral(actors.current(), referralId, why)
        .map(view -> Pages.page(HttpStatus.OK, "Referral " + referralId + " (possible match)",
            person(view.person()) + "<h2>Referral</h2>" + referral(view.referral()))));
  }

  /** The page for the stated purpose (CASE_PAGE by default), "not found" when refused. */
  private static ResponseEntity<String> audited(String purpose,
      Function<Purpose, java.util.Optional<ResponseEntity<String>>> page) {
    Purpose why;
    try {
      why = Purpose.parse(purpose, Purpose.Code.CASE_PAGE);
    } catch (IllegalArgumentException badPurpose) {
      return Pages.badRequest(badPurpose.getMessage());
    }
    return page.apply(why).orElseGet(Pages::notFound);
  }

  static String body(CaseView view) {
    return """
        <dl class="facts">
          <dt>Authority</dt><dd>%s (%s)</dd>
          <dt>Stage</dt><dd>%s</dd>
          <dt>Status</dt><dd>%s</dd>
          <dt>Opened</dt><dd>%s</dd>
        </dl>
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
        text(view.openedAt()), person(view.person()),
        list(view.referrals(), CasePage::referral),
        list(view.earlierCases(), c -> "<a href=\"/cases/" + text(c.reference()) + "\">" + text(c.reference())
            + "</a> <small>(" + text(c.status()) + ", opened " + text(c.openedAt()) + ")</small>"),
        list(view.entries(), CasePage::entry),
        list(view.openTasks(), t -> text(t.name()) + " <small>(" + (t.assignee() == null ? "unclaimed" : "claimed by "
            + text(t.assignee())) + ", due " + text(t.due()) + ")</small>"));
  }

  /** The person: names, date of birth, gender, aliases, address history. */
  static String person(CaseView.Person person) {
    return """
        <h2>Person</h2>
        <dl class="facts">
          <dt>Name</dt><dd>%s %s</dd>
          <dt>Date of birth</dt><dd>%s</dd>
          <dt>Gender</dt><dd>%s</dd>
          <dt>Also known as</dt><dd>%s</dd>
        </dl>
        <h3>Addresses (newest first)</h3>
        %s""".formatted(text(person.givenNames()), text(person.familyName()), text(person.dateOfBirth()),
        text(person.gender()), person.aliases().isEmpty() ? text(null) : list(person.aliases(), Pages::text),
        list(person.addresses(), a -> text(a.address()) + " " + text(a.postcode()) + " <small>from "
            + text(a.livedFrom()) + ", recorded " + text(a.recordedAt()) + "</small>"));
  }

  static String referral(CaseView.Referral r) {
    String urgent = r.called999At() == null ? "" : " <strong>999 called " + text(r.called999At()) + "</strong>";
    String answers = r.details().entrySet().stream().map(answer -> "<dt>" + text(question(answer.getKey()))
        + "</dt><dd class=\"narrative\">" + text(answer.getValue() instanceof List<?> many
            ? many.stream().map(String::valueOf).collect(Collectors.joining(", ")) : answer.getValue()) + "</dd>")
        .collect(Collectors.joining());
    return "<strong>Received " + text(r.receivedAt()) + "</strong>: " + text(r.concernType()) + ", " + text(r.urgency())
        + urgent + ", from " + text(r.referrerSector()) + " (" + text(r.referrerEmail()) + ")"
        + "<p class=\"narrative\">" + text(r.concern()) + "</p>"
        + (answers.isEmpty() ? "" : "<dl class=\"facts\">" + answers + "</dl>");
  }

  /** A form field key as a question: personSchoolOrWorkplace -> "Person school or workplace". */
  static String question(String key) {
    String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
