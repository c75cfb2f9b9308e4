package org.preventcase.audit;

import static org.preventcase.web.Pages.text;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.preventcase.security.Actors;
import org.preventcase.web.Pages;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages /audit/cases/{reference} and /audit/users/{userId}, and the same as JSON under /api/audit/,
 * for Prevent managers. Anyone else, or another authority's case, gets 404; the attempt is audited.
 */
@RestController
class AuditViews {

  private final AuditReview review;
  private final Actors actors;

  AuditViews(AuditReview review, Actors actors) {
    this.review = review;
    this.actors = actors;
  }

  @GetMapping(value = "/audit/cases/{reference}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> casePage(@PathVariable String reference) {
    return page("Audit trail of case " + reference, review.caseTrail(actors.current(), reference));
  }

  @GetMapping(value = "/audit/users/{userId}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> userPage(@PathVariable String userId) {
    return page("Case data accessed by " + userId, review.userTrail(actors.current(), userId));
  }

  @GetMapping("/api/audit/cases/{reference}")
  ResponseEntity<Object> caseApi(@PathVariable String reference) {
    return json(review.caseTrail(actors.current(), reference));
  }

  @GetMapping("/api/audit/users/{userId}")
  ResponseEntity<Object> userApi(@PathVariable String userId) {
    return json(review.userTrail(actors.current(), userId));
  }

  private static ResponseEntity<Object> json(Optional<List<AuditEvent>> events) {
    return events.<ResponseEntity<Object>>map(list -> ResponseEntity.ok().header("Cache-Control", "no-store").body(list))
        .orElseGet(Problems::notFound);
  }

  private static ResponseEntity<String> page(String title, Optional<List<AuditEvent>> events) {
    return events.map(list -> Pages.page(HttpStatus.OK, title, table(list))).orElseGet(Pages::notFound);
  }

  private static String table(List<AuditEvent> events) {
    String rows = events.stream().map(e -> "<tr>" + cells(e.at(), e.userId(), e.authorityCode(), e.caseReference(),
        e.subjectUserId(), e.action(), e.outcome(), e.purposeCode(), e.purposeDetail(), e.recipient()) + "</tr>")
        .collect(Collectors.joining("\n"));
    return "<p>Newest first; at most " + AuditTrail.PAGE + " rows.</p>\n<table class=\"audit\">\n<thead><tr>"
        + "<th>When</th><th>User</th><th>Authority</th><th>Case</th><th>Whose reads</th><th>Action</th>"
        + "<th>Outcome</th><th>Purpose</th><th>Detail</th><th>Recipient</th></tr></thead>\n<tbody>\n" + rows
        + "\n</tbody>\n</table>";
  }

  private static String cells(Object... values) {
    StringBuilder cells = new StringBuilder();
    for (Object value : values) {
      cells.append("<td>").append(text(value)).append("</td>");
    }
    return cells.toString();
  }
}
